-- Rollback of 002_idx_jfxx_fkssq: drops the index.
DROP INDEX SBF.IDX_JFXX_FKSSQ_XZ;
