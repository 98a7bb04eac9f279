-- Rollback of 001_pk_batch_retry_count: removes the retry-count column.
ALTER TABLE SBF.T_PK_PCMX DROP COLUMN CSCS;
