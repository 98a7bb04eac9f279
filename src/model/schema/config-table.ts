/**
 * Config tables (系统配置): 代码参数, 系统菜单, 岗位与功能对照, 工作流 — desired rows keyed by
 * their primary-key columns, reconciled like any other managed object.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Header, Name, Note, OracleIdentifier, ScalarValue, Strict } from './common.js';

export const ConfigTableCategory = Type.Union([
  Type.Literal('code-parameter'),
  Type.Literal('system-menu'),
  Type.Literal('post-function'),
  Type.Literal('workflow'),
], { description: 'code-parameter 代码参数 · system-menu 系统菜单 · post-function 岗位与功能对照 · workflow 工作流' });

export const ConfigTable = Strict({
  ...Header('ConfigTable'),
  name: Name,
  title: Type.String(),
  category: ConfigTableCategory,
  /** OracleDatabase (by name) and table that hold the rows. */
  database: Name,
  schema: OracleIdentifier,
  table: OracleIdentifier,
  /** Primary-key columns; every row must give them. */
  key: Type.Array(OracleIdentifier, { minItems: 1, uniqueItems: true }),
  /** Columns opsctl manages; others are left alone. */
  columns: Type.Array(OracleIdentifier, { minItems: 1, uniqueItems: true }),
  /** Rows present in the live table but absent here: reported, or deleted by plan. */
  prune: Type.Optional(Type.Boolean()),
  rows: Type.Array(Type.Record(OracleIdentifier, Type.Union([ScalarValue, Type.Null()]))),
  description: Note,
});
export type ConfigTable = Static<typeof ConfigTable>;
