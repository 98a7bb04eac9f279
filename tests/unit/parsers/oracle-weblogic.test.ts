import { describe, expect, it } from 'vitest';
import {
  parseAlertLogLines, parseBeaLogLines, parseLsnrctlStatus, parseOraErrors, parseOracleSize, parseSqlplusCsv, parseWlstResults, sizeToBigInt,
} from '../../../src/parsers/index.js';
import { failure, fixture, value } from './fixture.js';

describe('parseSqlplusCsv', () => {
  it('reads the 19c CSV markup sample (quoted, trailing space kept)', () => {
    const r = value(parseSqlplusCsv(fixture('oracle/sqlplus-csv-quoted-pastebin.txt')));
    expect(r.columns).toEqual(['PRODUCT', 'VERSION', 'VERSION_FULL', 'STATUS']);
    expect(r.records[0]).toEqual({ PRODUCT: 'Oracle Database 19c Enterprise Edition ', VERSION: '19.0.0.0.0', VERSION_FULL: '19.3.0.0.0', STATUS: 'Production' });
  });

  it('reads QUOTE OFF and DELIMITER | variants', () => {
    expect(value(parseSqlplusCsv(fixture('oracle/sqlplus-csv-quote-off-pastebin.txt'), { quote: false })).rows[0]![1]).toBe('19.0.0.0.0');
    expect(value(parseSqlplusCsv(fixture('oracle/sqlplus-csv-pipe-pastebin.txt'), { delimiter: '|', quote: false })).rows[0]![3]).toBe('Production');
  });

  it('numbers bare, NULL empty, "" escapes, multi-line values, feedback, blank lines', () => {
    const text = '\n"TABLESPACE_NAME","USED_PCT","NOTE","SCN"\n"USERS",97.5,,12345678901234567890\n"SB_""FEE""",.5,"line1\n\nline3",1\n\n2 rows selected.\n';
    const r = value(parseSqlplusCsv(text));
    expect(r.rows).toEqual([['USERS', 97.5, null, '12345678901234567890'], ['SB_"FEE"', 0.5, 'line1\n\nline3', 1]]);
    expect(r.feedbackRows).toBe(2);
    expect(value(parseSqlplusCsv('\nno rows selected\n'))).toEqual({ columns: [], rows: [], records: [], feedbackRows: 0 });
    expect(value(parseSqlplusCsv('')).rows).toEqual([]);
  });

  it('an ORA- error anywhere is a typed error with its line', () => {
    const text = '"A"\n1\nselect * from v$nosuch\n              *\nERROR at line 1:\nORA-00942: table or view does not exist\n';
    const e = failure(parseSqlplusCsv(text));
    expect(e).toMatchObject({ kind: 'ora', code: 'ORA-00942', message: 'table or view does not exist', line: 6 });
    const down = failure(parseSqlplusCsv('ERROR:\nORA-01034: ORACLE not available\nORA-27101: shared memory realm does not exist\nLinux-x86_64 Error: 2: No such file or directory\n'));
    expect(down.kind === 'ora' && down.errors.map((x) => x.code)).toEqual(['ORA-01034', 'ORA-27101']);
    expect(failure(parseSqlplusCsv('SP2-0734: unknown command beginning "selct * fr..." - rest of line ignored.\n'))).toMatchObject({ code: 'SP2-0734' });
  });

  it('truncated output: an open quote or a short row or a feedback mismatch fails with the line', () => {
    expect(failure(parseSqlplusCsv('"A","B"\n"x","unterminated\n'))).toMatchObject({ kind: 'parse', line: 2 });
    expect(failure(parseSqlplusCsv('"A","B"\n"x"\n'))).toMatchObject({ kind: 'parse', line: 2 });
    expect(failure(parseSqlplusCsv('"A"\n1\n\n3 rows selected.\n')).message).toMatch(/truncated/);
  });
});

describe('parseOraErrors', () => {
  it('finds ORA- lines with and without a colon (alert-log form)', () => {
    expect(parseOraErrors(fixture('oracle/ora-01555-message-oracle-docs.txt'))[0]).toMatchObject({ code: 'ORA-01555', number: 1555, facility: 'ORA' });
    expect(parseOraErrors(fixture('oracle/alert-11g-ora01555-gist.txt'))[0]!.message).toMatch(/^caused by SQL statement/);
    expect(parseOraErrors('ERROR at line 3:\nORA-00904: "X": invalid identifier\n')[0]).toMatchObject({ sqlLine: 3, line: 2 });
    expect(parseOraErrors('no errors here\n')).toEqual([]);
  });
});

describe('parseLsnrctlStatus', () => {
  it('reads the 11.2 sample (collapsed padding), services and instances', () => {
    const s = value(parseLsnrctlStatus(fixture('oracle/lsnrctl-status-11.2-linux.txt')));
    expect(s).toMatchObject({ running: true, completed: true, alias: 'LISTENER', startDate: '08-MAR-2016 05:28:19', uptimeSeconds: 3 * 3600 + 32 * 60 + 56 });
    expect(s.version).toBe('TNSLSNR for Linux: Version 11.2.0.1.0 - Production');
    expect(s.endpoints).toHaveLength(2);
    expect(s.services).toEqual([
      { name: 'centos6.dbaora.com', instances: [{ name: 'centos6', status: 'READY', handlers: 1 }] },
      { name: 'centos6XDB.dbaora.com', instances: [{ name: 'centos6', status: 'READY', handlers: 1 }] },
    ]);
  });

  it('reads padded labels of a truncated 12.1 output (no completion line)', () => {
    const s = value(parseLsnrctlStatus(fixture('oracle/lsnrctl-status-12.1-truncated-edstevens.txt')));
    expect(s).toMatchObject({ running: true, completed: false, uptimeSeconds: 4, startDate: '23-JAN-2016 16:24:25' });
    expect(s.fields['Trace Level']).toBe('off');
  });

  it('TNS-12541: not running, with the TNS chain as errors', () => {
    const text = '\nLSNRCTL for IBM/AIX RISC System/6000: Version 11.2.0.4.0 - Production on 20-NOV-2026 10:15:02\n\nCopyright (c) 1991, 2013, Oracle.  All rights reserved.\n\nConnecting to (DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=coredb1)(PORT=1521)))\nTNS-12541: TNS:no listener\n TNS-12560: TNS:protocol adapter error\n  TNS-00511: No listener\n   IBM/AIX RISC System/6000 Error: 79: Connection refused\n';
    const s = value(parseLsnrctlStatus(text));
    expect(s.running).toBe(false);
    expect(s.errors.map((e) => e.code)).toEqual(['TNS-12541', 'TNS-12560', 'TNS-00511']);
  });

  it('BLOCKED / UNKNOWN statuses and zh_CN lines', () => {
    const text = 'Service "core" has 2 instance(s).\n  Instance "core1", status READY, has 1 handler(s) for this service...\n  Instance "core2", status BLOCKED, has 1 handler(s) for this service...\nService "PLSExtProc" has 1 instance(s).\n  Instance "PLSExtProc", status UNKNOWN, has 1 handler(s) for this service...\n服务 "query" 包含 1 个实例。\n  实例 "query1", 状态 READY, 包含此服务的 1 个处理程序...\n命令执行成功\n';
    const s = value(parseLsnrctlStatus(text));
    expect(s.services.map((x) => x.instances.map((i) => i.status))).toEqual([['READY', 'BLOCKED'], ['UNKNOWN'], ['READY']]);
    expect(s.completed).toBe(true);
    expect(failure(parseLsnrctlStatus('')).parser).toBe('lsnrctl');
  });
});

describe('parseAlertLogLines', () => {
  it('reads the 11g XE log into timestamped entries', () => {
    const e = value(parseAlertLogLines(fixture('oracle/alert-11g-xe-pastebin.txt')));
    expect(e.map((x) => x.iso)).toEqual(['2012-03-18T22:07:52', '2012-03-18T22:16:22', '2012-03-18T22:20:37']);
    expect(e[0]!.text).toHaveLength(8);
    expect(e.every((x) => x.errors.length === 0)).toBe(true);
  });

  it('attaches ORA- errors to their entry, reads 12.2+ ISO stamps, notes a cut head', () => {
    const e = value(parseAlertLogLines(fixture('oracle/alert-11g-ora01555-gist.txt')));
    expect(e[0]!.errors[0]).toMatchObject({ code: 'ORA-01555', line: 2 });
    const r = parseAlertLogLines('ion state\n2026-11-20T10:15:02.123456+08:00\nORA-00600: internal error code, arguments: [kcbz]\n');
    expect(value(r)[0]).toMatchObject({ iso: '2026-11-20T10:15:02.123456+08:00', line: 2 });
    expect(r.ok && r.notes[0]!.reason).toMatch(/before the first timestamp/);
  });
});

describe('parseBeaLogLines', () => {
  it('reads both 2014 records (one quoted without its text)', () => {
    const r = value(parseBeaLogLines(fixture('weblogic/server-log-wls-2014-perl-comment.txt')));
    expect(r).toHaveLength(2);
    expect(r[0]).toMatchObject({ severity: 'Info', subsystem: 'WorkManager', server: 'engine1', user: '<WLS Kernel>', rawTimeMillis: 1404734890815, messageId: 'BEA-002903', message: '' });
    expect(r[1]).toMatchObject({ timestamp: '2014-06-24 16:14:48.126 +0200 MESZ', subsystem: 'Configuration Management', messageId: 'BEA-150031', message: 'The bootstrap servlet has finished sending the configuration to managed1.', truncated: false });
  });

  it('reads a 12c record with the severity-value field and a multi-line (cut) message', () => {
    const [r] = value(parseBeaLogLines(fixture('weblogic/server-log-12c-servlet-ioexception.txt')));
    expect(r).toMatchObject({ severity: 'Error', subsystem: 'HTTP', machine: 'olzfs92u26', server: 'PIA', messageId: 'BEA-101019', rawTimeMillis: 1515955376752, truncated: true });
    expect(r!.message.split('\n')).toHaveLength(3);
    expect(r!.message).toContain('Cannot run program "ls"');
  });

  it('reads the task example, stdout (.out) form, and notes noise before the first record', () => {
    const text = 'JAVA Memory arguments: -Xms512m\n####<Nov 20, 2026 10:15:02 AM CST> <Error> <JDBC> <host> <server> <[ACTIVE] ExecuteThread: \'1\' for queue: \'weblogic.kernel.Default (self-tuning)\'> <<WLS Kernel>> <> <> <1700000000000> <BEA-001112> <Test "SELECT 1 FROM DUAL" set up for pool "CoreDS" failed with exception: "java.sql.SQLException: ORA-01034: ORACLE not available".>\n<Nov 20, 2026 10:15:03 AM CST> <Notice> <WebLogicServer> <BEA-000365> <Server state changed to RUNNING.>\n';
    const r = parseBeaLogLines(text);
    const recs = value(r);
    expect(recs.map((x) => x.messageId)).toEqual(['BEA-001112', 'BEA-000365']);
    expect(recs[0]!.message).toContain('ORA-01034');
    expect(recs[1]).toMatchObject({ machine: null, message: 'Server state changed to RUNNING.' });
    expect(r.ok && r.notes).toHaveLength(1);
  });
});

describe('parseWlstResults', () => {
  it('keeps OPSCTL-RESULT lines, ignores the banner, reports malformed lines', () => {
    const text = [
      '', 'Initializing WebLogic Scripting Tool (WLST) ...', '', 'Welcome to WebLogic Server Administration Scripting Shell', '',
      "Connecting to t3://localhost:7001 with userid weblogic ...",
      'OPSCTL-RESULT {"address":"core/CoreDS","maxCapacity":100,"testConnectionsOnReserve":1}',
      'OPSCTL-RESULT {"address":"core/Broken"', 'OPSCTL-RESULT [1,2]', '', 'Exiting WebLogic Scripting Tool.', '',
    ].join('\n');
    const r = value(parseWlstResults(text));
    expect(r.results).toEqual([{ line: 7, value: { address: 'core/CoreDS', maxCapacity: 100, testConnectionsOnReserve: 1 } }]);
    expect(r.errors.map((e) => e.line)).toEqual([8, 9]);
    expect(value(parseWlstResults('')).results).toEqual([]);
  });
});

describe('parseOracleSize', () => {
  it('Oracle and AIX sizes to exact bytes', () => {
    expect(value(parseOracleSize('64G'))).toBe(68719476736);
    expect(value(parseOracleSize('512M'))).toBe(536870912);
    expect(value(parseOracleSize('1024K'))).toBe(1048576);
    expect(value(parseOracleSize('8192'))).toBe(8192);
    expect(value(parseOracleSize('1.5g'))).toBe(1610612736);
    expect(value(parseOracleSize('30528MB'))).toBe(30528 * 1048576);
    expect(value(parseOracleSize('16 MB'))).toBe(16777216);
    expect(sizeToBigInt('16E')).toBe(16n * 1024n ** 6n);
  });

  it('refuses what is not an exact, safe size', () => {
    expect(failure(parseOracleSize('')).line).toBe(0);
    expect(failure(parseOracleSize('64X')).message).toMatch(/not a size/);
    expect(failure(parseOracleSize('1.5')).message).toMatch(/whole number/);
    expect(failure(parseOracleSize('16E')).message).toMatch(/2\^53/);
    expect(failure(parseOracleSize('-1G')).kind).toBe('parse');
  });
});
