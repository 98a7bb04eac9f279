/**
 * parsers — what the estate's systems print, read into typed values. Pure: text in, value out;
 * no I/O, no clock, never a throw (odd input → a `ParseFailure`/`OraFailure` value with its
 * line, or a `note` on a skipped line). May import only model/ and diag/ (today: nothing).
 * Used by providers (live reads) and health (inspection checks); tested on documented real
 * outputs in tests/fixtures/ (sources in tests/fixtures/SOURCES.md).
 *
 * | parser                | reads                                                        |
 * |-----------------------|--------------------------------------------------------------|
 * | parseVmstat           | `vmstat N M` (AIX and Linux)                                 |
 * | parseSvmonG           | AIX `svmon -G` (pages → MB)                                  |
 * | parseLspsS / parseLspsA | AIX `lsps -s` / `lsps -a`                                  |
 * | parseDfG              | AIX `df -g`                                                  |
 * | parseDfP              | `df -P` / `df -Pk` (AIX and Linux)                           |
 * | parseErrptSummary     | AIX `errpt` (summary)                                        |
 * | parseOslevel          | AIX `oslevel`, `oslevel -r`, `oslevel -s`                    |
 * | parseInstfix          | AIX `instfix -i`, `instfix -ik ID`                           |
 * | parseLssrc            | AIX `lssrc -a|-g G|-s S`                                     |
 * | parsePsEf / parsePsEo | `ps -ef` / `ps -eo pid,user,etime,args`                      |
 * | parseUptime           | `uptime` (AIX and Linux)                                     |
 * | parseTunables         | AIX `no -a`, `vmo -a`, `ioo -a`, `no -o name`                |
 * | parseLsattrSys0       | AIX `lsattr -El sys0 [-a attr]`                              |
 * | parseCsum             | AIX `csum -h SHA256|SHA1|MD5 files`                          |
 * | parseSha256sum        | GNU `sha256sum files` (also `--tag`)                         |
 * | parseFree             | Linux `free -k|-m|-b|-h` (procps-ng)                         |
 * | parseProcMeminfo      | Linux `/proc/meminfo`                                        |
 * | parseLoadavg          | Linux `/proc/loadavg`                                        |
 * | parseSysctl           | Linux `sysctl -a`, `sysctl name`                             |
 * | parseSsListen         | Linux `ss -ltn[p][H]`                                        |
 * | parseSqlplusCsv       | `sqlplus -S` with `SET MARKUP CSV ON`                        |
 * | parseOraErrors        | ORA-/SP2-/TNS-/PLS- lines in any Oracle tool output          |
 * | parseLsnrctlStatus    | `lsnrctl status [LISTENER]`                                  |
 * | parseAlertLogLines    | text alert log `alert_<SID>.log` (11g and 12.2+ stamps)      |
 * | parseBeaLogLines      | WebLogic `<server>.log` / `.out` records (BEA-nnnnnn)        |
 * | parseWlstResults      | `OPSCTL-RESULT <json>` lines of our WLST scripts             |
 * | parseOracleSize       | `64G`, `512M`, `1024K`, bytes; AIX `512MB`, `16 MB`          |
 * | parseOpatchLsinventory | `opatch lsinventory` (DB homes 11.2+, WebLogic 12c homes)   |
 * | parseOpatchOutcome    | `opatch apply|napply|rollback|prereq` results                |
 * | parseDatapatch        | `datapatch -verbose` per-patch results                       |
 * | parseBsuView          | `bsu.sh -view -status=applied [-verbose]` (WebLogic 10.3.x)  |
 * | parseBsuOutcome       | `bsu.sh -install|-remove` results and conflicts              |
 */
export * from './result.js';
export * from './units.js';
export * from './vmstat.js';
export * from './aix-memory.js';
export * from './df.js';
export * from './aix-inventory.js';
export * from './process.js';
export * from './tunables.js';
export * from './checksum.js';
export * from './linux.js';
export * from './sqlplus.js';
export * from './oracle-text.js';
export * from './weblogic.js';
export * from './opatch.js';
export * from './bsu.js';
