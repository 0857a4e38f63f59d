// The script ShardingManager forks once per shard. Plain JavaScript loading the TypeScript entry
// through tsx's API, so a shard starts the same whether the manager runs under tsx (`npm start`),
// under vitest, or under plain node: forked processes do not inherit the parent's loader.
import { tsImport } from 'tsx/esm/api';

await tsImport('../../src/main.ts', import.meta.url);
