// The reads of `cavos balance --json`, made with starknet.js against the same node, printed as JSON.
//
//   node balance.mjs [--rpc-url URL] [--wallet ADDRESS] [--session-key KEY] [--tokens A,B,...] [--batch]
//
// Each value may also come from the environment: CAVOS_RPC_URL, CAVOS_WALLET_ADDRESS, CAVOS_SESSION_KEY,
// CAVOS_BENCH_TOKENS. What is not given is taken from the session token in CAVOS_TOKEN (standard Base64
// of a JSON object: walletAddress, sessionPubKey, sessionPolicy.spendingLimits, rpcUrl). Its private key
// is never read.
//
// Our CLI sends its reads as one JSON-RPC batch in one HTTP request. Here every read is its own starknet.js
// call, all started at once and awaited with Promise.all, as a JS developer would write it; each is its
// own HTTP request. With --batch the provider is made with starknet.js's `batch: 0` option, which sends
// the calls started in the same tick as one JSON-RPC batch, like our CLI.
//
// The 44 reads for the sandbox's demo wallet (the same methods and arguments as our CLI, all at the
// pre_confirmed block): starknet_chainId, starknet_specVersion, starknet_getBlockWithTxHashes,
// starknet_getNonce, starknet_call get_session, starknet_call balanceOf per token (4),
// starknet_call get_session_spending per token (4), starknet_getStorageAt for the first 8 spending
// policies (3 slots each), the session's 4 slots, revocation_epoch and the policy count, and
// starknet_getClassHashAt.

import { RpcProvider, hash, uint256 } from 'starknet';

// The tokens our CLI lists on every network unless told of others (xyz.cavos.wallet.cavos.Token.KNOWN);
// the sandbox deploys them at their mainnet addresses.
const KNOWN_TOKENS = [
  { symbol: 'STRK', decimals: 18, address: '0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d' },
  { symbol: 'ETH', decimals: 18, address: '0x49d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7' },
  { symbol: 'USDC', decimals: 6, address: '0x53c91253bc9682c04929ca02ed00b3e423f6710d2ee7e0d5ebb06f3ecf368a8' },
  { symbol: 'USDT', decimals: 6, address: '0x68f5c6a61780768455de69077e07e89787839bf8166decfbf92b645209c0fb8' },
];

// Our CLI reads the first 8 spending policies before it knows how many there are (ChainStorage).
const SPECULATIVE_POLICIES = 8;
const BLOCK = 'pre_confirmed';
// Storage addresses lie below 2^251 - 256; a hashed address is reduced modulo this bound.
const ADDRESS_BOUND = (1n << 251n) - 256n;

function argument(name) {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function sessionToken() {
  const text = process.env.CAVOS_TOKEN?.trim();
  if (!text) return undefined;
  const base64 = text.replace(/^export\s+CAVOS_TOKEN=/, '').replace(/["'\s]/g, '').replace(/-/g, '+').replace(/_/g, '/');
  try {
    return JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    console.error('CAVOS_TOKEN is not a session token (Base64 of a JSON object).');
    process.exit(2);
  }
}

function normalize(address) {
  return '0x' + BigInt(address).toString(16);
}

const token = sessionToken();
const rpcUrl = argument('--rpc-url') ?? process.env.CAVOS_RPC_URL ?? token?.rpcUrl;
const walletAddress = argument('--wallet') ?? process.env.CAVOS_WALLET_ADDRESS ?? token?.walletAddress;
const sessionKey = argument('--session-key') ?? process.env.CAVOS_SESSION_KEY ?? token?.sessionPubKey;
const tokenList = argument('--tokens') ?? process.env.CAVOS_BENCH_TOKENS;
if (!rpcUrl || !walletAddress || !sessionKey) {
  console.error('Give the RPC URL, the wallet address and the session key (arguments, environment or CAVOS_TOKEN).');
  process.exit(2);
}

const listed = tokenList
  ? tokenList.split(',').map((a) => normalize(a.trim())).map((address) =>
      KNOWN_TOKENS.find((t) => normalize(t.address) === address) ?? { symbol: null, decimals: null, address })
  : KNOWN_TOKENS.map((t) => ({ ...t, address: normalize(t.address) }));
// Spending is read for every listed token and every token the session's policy limits, as our CLI does.
const spendingTokens = [...new Set([
  ...listed.map((t) => t.address),
  ...(token?.sessionPolicy?.spendingLimits ?? []).map((limit) => normalize(limit.token)),
])];

// Where the Cavos account keeps the session: sn_keccak(name) for a variable, pedersen(base, key) for a
// map entry (pedersen(pedersen(base, a), b) for a pair key), reduced below the bound; a struct fills the
// slots after its entry.
function storageEntry(variable, ...keys) {
  let address = hash.starknetKeccak(variable);
  for (const key of keys) address = BigInt(hash.computePedersenHash(address, key));
  return address % ADDRESS_BOUND;
}
const sessionEntry = storageEntry('sessions', sessionKey);
const sessionSlots = [0n, 1n, 2n, 3n].map((offset) => sessionEntry + offset);
const policiesOfKey = hash.computePedersenHash(hash.starknetKeccak('session_spending_policies'), sessionKey);
const policySlots = [];
for (let index = 0; index < SPECULATIVE_POLICIES; index++) {
  const entry = BigInt(hash.computePedersenHash(policiesOfKey, index)) % ADDRESS_BOUND;
  policySlots.push([entry, entry + 1n, entry + 2n]); // token, limit low, limit high
}
const revocationEpochSlot = hash.starknetKeccak('revocation_epoch');
const policyCountSlot = storageEntry('session_spending_policy_count', sessionKey);

const provider = new RpcProvider({ nodeUrl: rpcUrl, ...(process.argv.includes('--batch') && { batch: 0 }) });
const call = (contractAddress, entrypoint, calldata) => provider.callContract({ contractAddress, entrypoint, calldata }, BLOCK);
// starknet.js 10 answers a storage read as { value, last_update_block }.
const storage = async (slot) => (await provider.getStorageAt(walletAddress, slot, BLOCK)).value;

const started = process.hrtime.bigint();
const [chainId, specVersion, block, nonce, session, balances, spending, policies, sessionData, epoch, policyCount, classHash] =
  await Promise.all([
    provider.getChainId(),
    provider.getSpecVersion(),
    provider.getBlockWithTxHashes(BLOCK),
    provider.getNonceForAddress(walletAddress, BLOCK),
    call(walletAddress, 'get_session', [sessionKey]),
    Promise.all(listed.map((t) => call(t.address, 'balanceOf', [walletAddress]))),
    Promise.all(spendingTokens.map((t) => call(walletAddress, 'get_session_spending', [sessionKey, t]))),
    Promise.all(policySlots.map((slots) => Promise.all(slots.map(storage)))),
    Promise.all(sessionSlots.map(storage)),
    storage(revocationEpochSlot),
    storage(policyCountSlot),
    provider.getClassHashAt(walletAddress, BLOCK),
  ]);
const readMillis = Number(process.hrtime.bigint() - started) / 1e6;

function decimal(raw, decimals) {
  if (decimals === null) return null;
  const scale = 10n ** BigInt(decimals);
  const fraction = (raw % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${raw / scale}.${fraction || '0'}`;
}
const u256 = ([low, high]) => uint256.uint256ToBN({ low, high });
const count = Number(BigInt(policyCount));

console.log(JSON.stringify({
  walletAddress: normalize(walletAddress),
  chainId,
  specVersion,
  // the pre-confirmed block is the one after the latest, as our CLI reports it
  blockNumber: Math.max(0, block.block_number - 1),
  blockTag: BLOCK,
  nonce,
  balances: listed.map((t, i) => {
    const raw = u256(balances[i]);
    return { symbol: t.symbol, address: t.address, decimals: t.decimals, balance: decimal(raw, t.decimals), raw: raw.toString() };
  }),
  session: {
    registered: BigInt(sessionData[0]) !== 0n,
    getSession: session,
    revocationEpoch: BigInt(epoch).toString(),
    spendingLimits: policies.slice(0, Math.min(count, SPECULATIVE_POLICIES)).map(([tokenAddress, low, high]) => ({
      token: normalize(tokenAddress), limit: u256([low, high]).toString(),
    })),
    spent: Object.fromEntries(spendingTokens.map((t, i) => [t, u256(spending[i]).toString()])),
  },
  classHash,
  reads: 4 + 1 + listed.length + spendingTokens.length + SPECULATIVE_POLICIES * 3 + sessionSlots.length + 2 + 1,
  readMillis: Math.round(readMillis * 10) / 10,
  batch: process.argv.includes('--batch'),
}, null, 2));
