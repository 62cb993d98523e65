// The INVOKE v3 hash of one ERC-20 transfer, then a Stark ECDSA signature of it, with starknet.js.
// It is the same transaction as src/test/java/xyz/cavos/wallet/bench/HashAndSignBenchmark.java:
// same sender, key, calldata, chain id (SN_MAIN) and resource bounds, the nonce moving on with every
// operation so no two hashes are alike.
//
//   node hash-sign.mjs [--warmup-seconds S] [--seconds S]
//
// Each of the two operations (hash+sign, hash only) is run for S seconds to warm up (default 3), then
// timed one by one for S seconds (default 5), like the Java benchmark's 3 x 2 s warm-up and 5 x 2 s
// measurement. Prints one JSON line with the median and mean microseconds per operation. Before measuring it checks that the hash for nonce 0 is the one our Java code computes
// (ExpectedHash.java) and exits with status 1 if it is not.

import { readFileSync } from 'node:fs';
import { CallData, ETransactionVersion3, cairo, ec, hash, shortString, stark, transaction } from 'starknet';

const CHAIN_ID = shortString.encodeShortString('SN_MAIN');
const SENDER = '0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f';
const PRIVATE_KEY = '0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde';
const STRK = '0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d';
const RECIPIENT = '0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b';

// The Java benchmark's ResourceBoundsMapping(l1Gas, l2Gas, l1DataGas).
const RESOURCE_BOUNDS = {
  l1_gas: { max_amount: 0n, max_price_per_unit: 50_000_000_000_000n },
  l2_gas: { max_amount: 2_000_000n, max_price_per_unit: 12_000_000_000n },
  l1_data_gas: { max_amount: 1024n, max_price_per_unit: 100_000_000n },
};

// What our code (xyz.cavos.wallet.starknet.InvokeV3 and StarkCurve) gives for nonce 0; see ExpectedHash.java.
// The hash must be the same, and so must the signature: both sides derive the RFC 6979 nonce from the hash alike.
const EXPECTED_NONCE_0 = {
  hash: '0x93e8108ab028766851f6a2ffeda528f64b6a1a261454675d844a9ba97169b4',
  r: '0x7d58b521478aabfcc06cc6ca14754aa0ba285b05fabebe7d87607aad9dcc9ef',
  s: '0x7ca5ca2291823cbea1d0206b26913305eef30da27d11bf93ca85c9cb08e3c41',
};

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!(value > 0)) {
    console.error(`${name} takes a number of seconds above 0`);
    process.exit(2);
  }
  return value;
}

const WARMUP_SECONDS = option('--warmup-seconds', 3);
const MEASURE_SECONDS = option('--seconds', 5);

// __execute__ calldata of one transfer(recipient, u256 1.5 STRK): [1, to, selector, 3, recipient, low, high].
// Compiled once, as starknet-jvm's peer in the Java benchmark does; it is a few felts either way.
const calls = [{
  contractAddress: STRK,
  entrypoint: 'transfer',
  calldata: CallData.compile({ recipient: RECIPIENT, amount: cairo.uint256(1_500_000_000_000_000_000n) }),
}];
const compiledCalldata = transaction.getExecuteCalldata(calls, '1');

function transactionHash(nonce) {
  return hash.calculateInvokeTransactionHash({
    senderAddress: SENDER,
    version: ETransactionVersion3.V3,
    compiledCalldata,
    chainId: CHAIN_ID,
    nonce,
    accountDeploymentData: [],
    nonceDataAvailabilityMode: stark.intDAM('L1'),
    feeDataAvailabilityMode: stark.intDAM('L1'),
    resourceBounds: RESOURCE_BOUNDS,
    tip: 0n,
    paymasterData: [],
  });
}

function hashAndSign(nonce) {
  return ec.starkCurve.sign(transactionHash(nonce), PRIVATE_KEY);
}

function hex(value) {
  return '0x' + BigInt(value).toString(16);
}

function fail(message) {
  console.error(`SELF-CHECK FAILED: ${message}`);
  console.error('The two sides would not be measuring the same work.');
  process.exit(1);
}

// Returns whether starknet.js signs nonce 0 with the same r and s as our code.
function selfCheck() {
  const txHash = transactionHash(0);
  if (hex(txHash) !== EXPECTED_NONCE_0.hash) {
    fail(`starknet.js gives the hash ${hex(txHash)} for nonce 0, our code gives ${EXPECTED_NONCE_0.hash}.`);
  }
  const publicKey = ec.starkCurve.getPublicKey(PRIVATE_KEY);
  const theirs = ec.starkCurve.sign(txHash, PRIVATE_KEY);
  const ours = new ec.starkCurve.Signature(BigInt(EXPECTED_NONCE_0.r), BigInt(EXPECTED_NONCE_0.s));
  if (!ec.starkCurve.verify(theirs, txHash, publicKey)) fail('the starknet.js signature of nonce 0 does not verify.');
  if (!ec.starkCurve.verify(ours, txHash, publicKey)) fail('our signature of nonce 0 does not verify with starknet.js.');
  return hex(theirs.r) === EXPECTED_NONCE_0.r && hex(theirs.s) === EXPECTED_NONCE_0.s;
}

// Times each operation on its own; the nonce keeps counting across warm-up and measurement.
let nonce = 1n;
let sink = 0; // every result is looked at, so none of the work can be skipped
function measure(operation) {
  const warmupEnd = process.hrtime.bigint() + BigInt(Math.round(WARMUP_SECONDS * 1e9));
  while (process.hrtime.bigint() < warmupEnd) {
    sink ^= String(operation(nonce++)).length;
  }
  const samples = [];
  const measureEnd = process.hrtime.bigint() + BigInt(Math.round(MEASURE_SECONDS * 1e9));
  for (let now = process.hrtime.bigint(); now < measureEnd;) {
    const result = operation(nonce++);
    const after = process.hrtime.bigint();
    samples.push(Number(after - now) / 1000);
    sink ^= String(result).length;
    now = after;
  }
  samples.sort((a, b) => a - b);
  const middle = samples.length >> 1;
  const median = samples.length % 2 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { median, mean, count: samples.length };
}

const sameSignature = selfCheck();
const both = measure(hashAndSign);
const hashOnly = measure(transactionHash);
const round = (x) => Math.round(x * 100) / 100;
if (sink === -1) console.error(sink);
console.log(JSON.stringify({
  hashAndSignMicros: round(both.median),
  hashOnlyMicros: round(hashOnly.median),
  hashAndSignMeanMicros: round(both.mean),
  hashOnlyMeanMicros: round(hashOnly.mean),
  hashAndSignOperations: both.count,
  hashOnlyOperations: hashOnly.count,
  warmupSeconds: WARMUP_SECONDS,
  measureSeconds: MEASURE_SECONDS,
  selfCheck: 'nonce 0: same hash as ours; both signatures verify',
  sameSignatureAsOurs: sameSignature,
  starknetjs: JSON.parse(readFileSync(new URL('./node_modules/starknet/package.json', import.meta.url))).version,
  node: process.version,
}));
