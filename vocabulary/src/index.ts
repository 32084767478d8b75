/**
 * @jixiao/vocabulary — the words server and client share: each enum's values and its zh-CN label,
 * in one place, so the schema, the engine and the UI never say the same thing two ways.
 */
export * from './levels.js';
export * from './budget.js';
export * from './plan.js';
export * from './evaluation.js';
export { valuesObject } from './values.js';
