-- 001_pk_batch_retry_count: 批扣批次明细增加重试次数字段，供 JOB_PK_RESULT 控制失败重发。
-- Runs as the schema owner through opsctl's migration runner on coredb; recorded in SBF_SCHEMA_HISTORY.
ALTER TABLE SBF.T_PK_PCMX ADD (CSCS NUMBER(3) DEFAULT 0 NOT NULL);
COMMENT ON COLUMN SBF.T_PK_PCMX.CSCS IS '重试次数';
