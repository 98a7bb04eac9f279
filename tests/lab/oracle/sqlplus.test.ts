// sqlplus conventions: CSV output, bind variables (and that bound text is never SQL), ALTER
// SYSTEM scopes against ISSYS_MODIFIABLE, transactions, ORA- error format and exit codes,
// connection forms and the db-down fault.
import { describe, expect, it } from 'vitest';
import { CSV, lab, parseCsv, sqlplus } from './helpers.js';

describe('sqlplus output and binds', () => {
  it('prints CSV with quoted strings ("" escaped) and bare numbers', async () => {
    const r = await sqlplus(lab(), `${CSV}SELECT dm, mc FROM sbf.t_dmb WHERE dm = '999';\nSELECT amount_fen FROM sbf.t_jk WHERE voucher_no = 'V1';\n`);
    expect(r.stdout).toBe('"DM","MC"\n"999","O\'Brien ""x"""\n"AMOUNT_FEN"\n123456\n');
  });

  it('honours -M "CSV ON QUOTE OFF" and GROUP BY with COUNT/SUM', async () => {
    const r = await sqlplus(lab(), "SET FEEDBACK OFF\nSELECT period, COUNT(*) AS n, SUM(amount_fen) AS total FROM sbf.t_jk GROUP BY period ORDER BY period;\n", { argv: ['sqlplus', '-s', '-M', 'CSV ON QUOTE OFF', '/', 'as', 'sysdba'] });
    expect(r.stdout).toBe('PERIOD,N,TOTAL\n2026-10,2,123556\n2026-11,1,5001\n');
  });

  it('binds values with VARIABLE / EXEC and uses them in WHERE and IN', async () => {
    const r = await sqlplus(lab(), `${CSV}VARIABLE xz VARCHAR2(10)\nVARIABLE p VARCHAR2(7)\nEXEC :xz := '110'\nEXEC :p := '2026-10'\nSELECT voucher_no FROM sbf.t_jk WHERE xz_code = :xz AND period IN (:p, 'x') ORDER BY amount_fen DESC;\n`);
    expect(parseCsv(r.stdout)).toEqual([['VOUCHER_NO'], ['V1'], ['V2']]);
  });

  it('never interprets a bind value as SQL (injection attempt matches nothing)', async () => {
    const r = await sqlplus(lab(), `SET MARKUP CSV ON\nVARIABLE x VARCHAR2(100)\nEXEC :x := 'x'' OR ''1''=''1'\nSELECT dm FROM sbf.t_dmb WHERE dm = :x;\nPRINT x\n`);
    expect(r.stdout).toContain('no rows selected');
    expect(r.stdout).toContain("x' OR '1'='1");
  });

  it('answers v$parameter by name IN binds, with ISSYS_MODIFIABLE', async () => {
    const r = await sqlplus(lab(), `${CSV}VARIABLE a VARCHAR2(30)\nVARIABLE b VARCHAR2(30)\nEXEC :a := 'processes'\nEXEC :b := 'open_cursors'\nSELECT name, value, issys_modifiable FROM v$parameter WHERE name IN (:a, :b) ORDER BY name;\n`);
    expect(parseCsv(r.stdout)).toEqual([['NAME', 'VALUE', 'ISSYS_MODIFIABLE'], ['open_cursors', '300', 'IMMEDIATE'], ['processes', '2000', 'FALSE']]);
  });

  it('fails unbound binds with ORA-01008', async () => {
    const r = await sqlplus(lab(), `${CSV}SELECT dm FROM sbf.t_dmb WHERE dm = :nope;\n`);
    expect(r.stdout).toContain('ORA-01008: not all variables bound');
    expect(r.exitCode).toBe(1008 % 256);
  });
});

describe('errors', () => {
  it('prints ORA-00942 in the real layout and exits with SQLCODE mod 256', async () => {
    const r = await sqlplus(lab(), `${CSV}SELECT * FROM nosuch;\nPROMPT not reached\n`);
    expect(r.stdout).toBe('SELECT * FROM nosuch\n              *\nERROR at line 1:\nORA-00942: table or view does not exist\n\n');
    expect(r.exitCode).toBe(942 % 256);
  });

  it('names an unknown column with ORA-00904 and continues without WHENEVER', async () => {
    const r = await sqlplus(lab(), 'SET FEEDBACK OFF\nSELECT nope FROM sbf.t_dmb;\nPROMPT still here\n');
    expect(r.stdout).toContain('ORA-00904: "NOPE": invalid identifier');
    expect(r.stdout).toContain('still here');
    expect(r.exitCode).toBe(0);
  });

  it('WHENEVER SQLERROR EXIT FAILURE exits 1', async () => {
    const r = await sqlplus(lab(), 'WHENEVER SQLERROR EXIT FAILURE\nSELECT x FROM nosuch;\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('ALTER SYSTEM', () => {
  it('refuses SCOPE=BOTH on a static parameter with ORA-02095', async () => {
    const store = lab();
    const r = await sqlplus(store, `${CSV}ALTER SYSTEM SET processes = 3000 SCOPE=BOTH SID='*';\n`);
    expect(r.stdout).toContain('ORA-02095: specified initialization parameter cannot be modified');
    expect(r.exitCode).toBe(2095 % 256);
    expect(store.read().databases.coredb!.parameters.processes!.value).toBe('2000');
  });

  it('records SCOPE=SPFILE as pending until STARTUP', async () => {
    const store = lab();
    await sqlplus(store, `${CSV}ALTER SYSTEM SET processes = 3000 SCOPE=SPFILE SID='*';\n`);
    expect(store.read().databases.coredb!.parameters.processes).toMatchObject({ value: '2000', spfileValue: '3000' });
    const r = await sqlplus(store, 'SHUTDOWN IMMEDIATE\nSTARTUP\n');
    expect(r.stdout).toContain('ORACLE instance shut down.');
    expect(r.stdout).toContain('Database opened.');
    expect(store.read().databases.coredb!.parameters.processes).toEqual({ value: '3000', isSysModifiable: 'FALSE' });
  });

  it('changes dynamic parameters in memory and/or spfile', async () => {
    const store = lab();
    const r = await sqlplus(store, 'ALTER SYSTEM SET open_cursors = 500 SCOPE=MEMORY;\nALTER SYSTEM SET sga_target = 20G;\n');
    expect(r.stdout).toBe('System altered.\nSystem altered.\n');
    const p = store.read().databases.coredb!.parameters;
    expect(p.open_cursors).toMatchObject({ value: '500', spfileValue: '300' });
    expect(p.sga_target!.value).toBe(String(20 * 2 ** 30));
    expect((await sqlplus(store, 'ALTER SYSTEM SET audit_file_dest = \'/x\' SCOPE=BOTH;\n')).stdout).toContain('ORA-02096');
  });

  it('adds a datafile, resizes one, alters a profile and a user (no password echoed)', async () => {
    const store = lab();
    const r = await sqlplus(store, `${CSV}ALTER TABLESPACE sbf_data ADD DATAFILE '+DATA/sbfcore/sbf_data02.dbf' SIZE 1024M AUTOEXTEND ON NEXT 128M MAXSIZE 30G;
ALTER DATABASE DATAFILE '+DATA/sbfcore/system01.dbf' RESIZE 3G;
ALTER PROFILE app_profile LIMIT PASSWORD_LIFE_TIME 90;
ALTER USER oldapp ACCOUNT UNLOCK;
ALTER USER nosuch IDENTIFIED BY "S3cret!x";
`);
    expect(r.stdout).not.toContain('S3cret');
    expect(r.stdout).toContain("ORA-01918: user 'NOSUCH' does not exist");
    const db = store.read().databases.coredb!;
    expect(db.tablespaces.SBF_DATA).toMatchObject({ sizeMb: 11264, maxMb: 10240 + 30720, autoextend: true });
    expect(db.tablespaces.SYSTEM!.datafiles[0]!.sizeMb).toBe(3072);
    expect(db.profiles.APP_PROFILE!.PASSWORD_LIFE_TIME).toBe('90');
    expect(db.users.OLDAPP!.accountStatus).toBe('OPEN');
  });

  it('enables and disables scheduler jobs through EXEC', async () => {
    const store = lab();
    const r = await sqlplus(store, "EXEC DBMS_SCHEDULER.ENABLE('SBF.JOB_CLEAN')\nEXEC DBMS_SCHEDULER.DISABLE('SBF.NOPE')\n");
    expect(r.stdout).toContain('PL/SQL procedure successfully completed.');
    expect(r.stdout).toContain('ORA-27476: "SBF"."NOPE" does not exist');
    expect(store.read().databases.coredb!.schedulerJobs['SBF.JOB_CLEAN']!.enabled).toBe(true);
  });
});

describe('transactions', () => {
  const upd = "VARIABLE v VARCHAR2(10)\nEXEC :v := 'V2'\nUPDATE sbf.t_jk SET amount_fen = amount_fen + 1 WHERE voucher_no = :v;\n";
  const amount = (store: ReturnType<typeof lab>): unknown => store.read().databases.coredb!.tables['SBF.T_JK']!.rows.find((x) => x.VOUCHER_NO === 'V2')!.AMOUNT_FEN;

  it('stages DML until COMMIT and shows the session its own changes', async () => {
    const store = lab();
    const r = await sqlplus(store, `${upd}SELECT amount_fen FROM sbf.t_jk WHERE voucher_no = 'V2';\nROLLBACK;\n`);
    expect(r.stdout).toContain('1 row updated.');
    expect(r.stdout).toContain('101');
    expect(r.stdout).toContain('Rollback complete.');
    expect(amount(store)).toBe(100);
    await sqlplus(store, `${upd}COMMIT;\n`);
    expect(amount(store)).toBe(101);
  });

  it('commits on EXIT (and on end of input), discards on EXIT ROLLBACK', async () => {
    const store = lab();
    await sqlplus(store, `${upd}EXIT\n`);
    expect(amount(store)).toBe(101);
    await sqlplus(store, upd);
    expect(amount(store)).toBe(102);
    await sqlplus(store, `${upd}EXIT ROLLBACK\n`);
    expect(amount(store)).toBe(102);
  });

  it('inserts and deletes with feedback, enforcing the primary key', async () => {
    const store = lab();
    const r = await sqlplus(store, "INSERT INTO sbf.t_dmb (dm, mc, yxbz) VALUES ('410', '工伤保险', 'Y');\nINSERT INTO sbf.t_dmb (dm, mc, yxbz) VALUES ('410', 'dup', 'Y');\nDELETE FROM sbf.t_dmb WHERE yxbz = 'N';\nCOMMIT;\n");
    expect(r.stdout).toContain('1 row created.');
    expect(r.stdout).toContain('ORA-00001: unique constraint (SBF.PK_T_DMB) violated');
    expect(r.stdout).toContain('1 row deleted.');
    expect(store.read().databases.coredb!.tables['SBF.T_DMB']!.rows.map((x) => x.DM)).toEqual(['110', '310', '410']);
  });

  it('refuses DML on the read-only standby with ORA-16000', async () => {
    const r = await sqlplus(lab(), "DELETE FROM sbf.t_dmb;\n", { host: 'db03', sid: 'sbfcore' });
    expect(r.stdout).toContain('ORA-16000');
  });
});

describe('connections and faults', () => {
  it('connects with /nolog + CONNECT user/password@//host:port/service', async () => {
    const r = await sqlplus(lab(), `${CSV}CONNECT monitor/pw@//127.0.0.1:1521/sbfcore\nSELECT instance_name FROM v$instance;\n`, { argv: ['sqlplus', '-s', '-L', '/nolog'] });
    expect(parseCsv(r.stdout)[0]).toEqual(['INSTANCE_NAME']);
  });

  it('reads the password from the next input line for CONNECT user@svc', async () => {
    const r = await sqlplus(lab(), `${CSV}CONNECT monitor@sbfcore\nsecret\nSELECT 1 AS one FROM dual;\n`, { argv: ['sqlplus', '-s', '-L', '/nolog'] });
    expect(r.stdout).toBe('"ONE"\n1\n');
  });

  it('refuses a locked account and an unknown service', async () => {
    const store = lab();
    expect((await sqlplus(store, '', { argv: ['sqlplus', '-s', '-L', 'oldapp/x@sbfcore'] })).stdout).toContain('ORA-28000');
    const r = await sqlplus(store, '', { argv: ['sqlplus', '-s', '-L', 'monitor/x@//127.0.0.1:1521/nosuch'] });
    expect(r.stdout).toContain('ORA-12514');
    expect(r.stdout).toContain('SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus');
    expect(r.exitCode).toBe(1);
  });

  it('needs ORACLE_SID when a host has several instances (ORA-12162)', async () => {
    const r = await sqlplus(lab(), 'SELECT 1 FROM dual;\n', { sid: '' });
    expect(r.stdout).toContain('ORA-12162');
  });

  it('honours the db-down fault: ORA-01034 / ORA-27101, and STARTUP brings it back', async () => {
    const store = lab();
    store.update((s) => void s.faults.push({ name: 'db-down', target: 'coredb', since: '2026-11-20T09:00:00+08:00' }));
    const remote = await sqlplus(store, '', { argv: ['sqlplus', '-s', '-L', 'monitor/x@//127.0.0.1:1521/sbfcore'] });
    expect(remote.stdout).toContain('ORA-01034: ORACLE not available\nORA-27101: shared memory realm does not exist');
    const local = await sqlplus(store, `${CSV}SELECT status FROM v$instance;\n`);
    expect(local.stdout).toContain('ORA-01034: ORACLE not available');
    expect(local.exitCode).toBe(1034 % 256);
    const up = await sqlplus(store, 'STARTUP\n');
    expect(up.stdout).toContain('Database opened.');
    expect(store.read().faults).toEqual([]);
  });
});
