// The public core API (DESIGN.md contract 1).
export { analyze, readEvidence } from './analyze';
export type { AnalyzeOptions, Limits } from './options';
export { DEFAULT_LIMITS } from './options';
export type * from './types';
export type { Resolver, DnsResponse, DnsRecord, RRType, DnsFailure } from './dns/resolver';
export { offlineResolver } from './dns/resolver';
