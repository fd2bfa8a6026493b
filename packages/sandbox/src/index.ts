export { SlidingWindowLimiter } from './rate-limit';
export { createRng } from './rng';
export type { Sandbox, SimulatorContext } from './server';
export { startSandbox } from './server';
export type {
  CredentialEcho,
  FaultKind,
  FaultRule,
  RateLimitConfig,
  RecordSummary,
  RequestLogEntry,
  SandboxOptions,
  SandboxPlatform,
  SandboxResource,
  SandboxStats,
  SandboxStore,
  SimRequest,
  SimResponse,
  Simulator,
} from './types';
