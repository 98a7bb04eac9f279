-- 002_idx_jfxx_fkssq: 缴费信息按费款所属期、险种查询的索引（月度对账与查询统计抽取用）。
-- ONLINE so DML on T_JF_JFXX is not blocked while the index builds.
CREATE INDEX SBF.IDX_JFXX_FKSSQ_XZ ON SBF.T_JF_JFXX (FKSSQ, XZDM) TABLESPACE SBF_IDX ONLINE PARALLEL 8;
ALTER INDEX SBF.IDX_JFXX_FKSSQ_XZ NOPARALLEL;
