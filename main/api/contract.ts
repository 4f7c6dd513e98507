// The renderer imports this file for types only (`import type`): it names every method with its input and output.
import type { methods } from './methods';
import type { MethodInput, MethodOutput } from './router';

export type ApiMethods = typeof methods;
export type MethodName = keyof ApiMethods;
export type InputOf<N extends MethodName> = MethodInput<ApiMethods[N]>;
export type OutputOf<N extends MethodName> = MethodOutput<ApiMethods[N]>;
export type { ApiErrorData, ApiErrorCode, ApiResult } from './errors';
export type { SessionUser, ProgressReport } from './router';
export type { Role } from './roles';
