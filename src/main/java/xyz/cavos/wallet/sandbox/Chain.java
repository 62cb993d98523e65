package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.StarknetErrorCode;

/**
 * The sandbox's chain: world state, blocks and transactions. Every accepted transaction is executed at
 * once into a block of its own, timestamped by chain time (the wall clock plus an offset that the
 * devnet-style time methods move). All methods are synchronized: concurrent clients see one order.
 */
final class Chain {

    static final Felt SEQUENCER = Felt.parse("0x1176a1bd84444c89232ec27754698e5d2e7e1a7f1539f12027f28b23ec9f3d8");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Block(long number, Felt hash, Felt parentHash, long timestamp, List<Felt> transactionHashes) {
    }

    /** A transaction in a block; {@code invoke} is null for the dashboard's and mint's own transactions. */
    record Transaction(Felt hash, InvokeV3 invoke, Felt sender, long blockNumber, Felt blockHash, boolean succeeded,
            String revertReason, BigInteger actualFee, Gas gas, List<Execution.Event> events) {
    }

    /** A storage slot's value and the block of its last write (0 for a slot never written). */
    record StorageValue(Felt value, long lastUpdateBlock) {
    }

    /** A fee estimate: gas used and the prices it was priced at. */
    record Estimate(Gas gas, BigInteger overallFee) {
    }

    final Felt chainId;
    private final Clock clock;
    WorldState world = new WorldState();
    final List<Block> blocks = new ArrayList<>();
    final Map<Felt, Transaction> transactions = new LinkedHashMap<>();
    long timeOffset;
    private long systemCounter;
    private Consumer<Chain> onNewBlock = c -> { };

    Chain(Felt chainId, Clock clock) {
        this.chainId = chainId;
        this.clock = clock;
    }

    synchronized void onNewBlock(Consumer<Chain> listener) {
        this.onNewBlock = listener;
    }

    // ---------------------------------------------------------------- time and blocks

    /** Chain time: what the next block's timestamp will be. */
    synchronized long now() {
        long wall = clock.millis() / 1000 + timeOffset;
        return blocks.isEmpty() ? wall : Math.max(wall, latest().timestamp());
    }

    synchronized Block latest() {
        return blocks.getLast();
    }

    synchronized long pendingBlockNumber() {
        return blocks.isEmpty() ? 0 : latest().number() + 1;
    }

    /** devnet_setTime: the next block gets this timestamp, even one in the past. */
    synchronized Block setTime(long timestamp, boolean createBlock) {
        timeOffset = timestamp - clock.millis() / 1000;
        return createBlock ? emptyBlock(timestamp) : latest();
    }

    synchronized Block increaseTime(long seconds) {
        timeOffset += seconds;
        return emptyBlock(now());
    }

    synchronized Block createBlock() {
        return emptyBlock(now());
    }

    private Block emptyBlock(long timestamp) {
        Block block = sealBlock(List.of(), timestamp);
        onNewBlock.accept(this);
        return block;
    }

    private Block sealBlock(List<Felt> txHashes, long timestamp) {
        long number = blocks.isEmpty() ? 0 : latest().number() + 1;
        Felt parent = blocks.isEmpty() ? Felt.ZERO : latest().hash();
        List<Felt> hashInput = new ArrayList<>(List.of(Felt.fromShortString("SANDBOX_BLOCK"), Felt.of(number), parent, Felt.of(timestamp)));
        hashInput.addAll(txHashes);
        Block block = new Block(number, Poseidon.hashMany(hashInput), parent, timestamp, List.copyOf(txHashes));
        blocks.add(block);
        return block;
    }

    synchronized Block block(long number) {
        if (number < 0 || blocks.isEmpty() || number > latest().number()) {
            throw new RpcFailure(StarknetErrorCode.BLOCK_NOT_FOUND.code(), "Block not found", null);
        }
        return blocks.get((int) number);
    }

    synchronized Block block(Felt hash) {
        return blocks.stream().filter(b -> b.hash().equals(hash)).findFirst()
                .orElseThrow(() -> new RpcFailure(StarknetErrorCode.BLOCK_NOT_FOUND.code(), "Block not found", null));
    }

    // ---------------------------------------------------------------- transactions

    /** starknet_addInvokeTransaction: checks, validates, executes into a new block; returns the hash. */
    synchronized Felt addInvoke(InvokeV3 tx) {
        if (tx.query()) {
            throw new RpcFailure(StarknetErrorCode.UNSUPPORTED_TX_VERSION.code(), "the transaction version is not supported",
                    NODES.textNode("Query transactions (version 2^128 + 3) are for estimates and cannot be executed"));
        }
        WorldState.Account account = accountOrFail(tx.senderAddress());
        if (!tx.nonce().value().equals(account.nonce)) {
            throw new RpcFailure(StarknetErrorCode.INVALID_TRANSACTION_NONCE.code(), "Invalid transaction nonce",
                    NODES.textNode("Account nonce: " + hex(account.nonce) + "; got: " + tx.nonce().toHex()));
        }
        List<Call> calls;
        try {
            calls = Multicall.decode(tx.calldata());
        } catch (ContractPanic panic) {
            throw ExecutionErrors.validationFailure(tx.senderAddress(), accountClass(tx.senderAddress()), panic.reason());
        }
        Gas gas = Gas.of(tx, calls.size());
        gas.checkCoveredBy(tx);
        BigInteger maxFee = tx.resourceBounds().maxFee().add(tx.tip().multiply(tx.resourceBounds().l2Gas().maxAmount()));
        BigInteger strk = world.tokens.get(Token.STRK.address()).balanceOf(tx.senderAddress());
        if (strk.compareTo(maxFee) < 0) {
            throw new RpcFailure(StarknetErrorCode.INSUFFICIENT_ACCOUNT_BALANCE.code(),
                    "Account balance is smaller than the transaction's maximal fee (calculated as the sum of each resource's limit x max price)",
                    NODES.textNode("Balance " + strk + " fri, maximal fee " + maxFee + " fri"));
        }
        Felt hash = tx.hash(chainId);
        if (transactions.containsKey(hash)) {
            throw new RpcFailure(StarknetErrorCode.DUPLICATE_TX.code(), "A transaction with the same hash already exists in the mempool", null);
        }
        long timestamp = now();
        long blockNumber = pendingBlockNumber();
        try {
            new Execution(world.copy(), chainId, timestamp, blockNumber).validate(tx.senderAddress(), hash, tx.signature(), calls);
        } catch (ContractPanic panic) {
            throw ExecutionErrors.validationFailure(tx.senderAddress(), accountClass(tx.senderAddress()), panic.reason());
        }

        WorldState next = world.copy();
        Execution execution = new Execution(next, chainId, timestamp, blockNumber);
        boolean succeeded;
        String revertReason = null;
        try {
            execution.execute(tx.senderAddress(), tx.signature(), calls);
            succeeded = true;
        } catch (ContractPanic panic) {
            succeeded = false;
            revertReason = ExecutionErrors.revertReason(tx.senderAddress(), accountClass(tx.senderAddress()), panic.reason());
            next = world.copy();
            execution = new Execution(next, chainId, timestamp, blockNumber);
        }
        BigInteger fee = gas.feeWithTip(tx.tip());
        next.accounts.get(tx.senderAddress()).nonce = account.nonce.add(BigInteger.ONE);
        execution.move(Token.STRK.address(), next.tokens.get(Token.STRK.address()), tx.senderAddress(), SEQUENCER, fee);
        world = next;
        record(hash, tx, tx.senderAddress(), succeeded, revertReason, fee, gas, execution.events, timestamp);
        return hash;
    }

    private void record(Felt hash, InvokeV3 tx, Felt sender, boolean succeeded, String revertReason, BigInteger fee, Gas gas,
            List<Execution.Event> events, long timestamp) {
        Block block = sealBlock(List.of(hash), timestamp);
        transactions.put(hash, new Transaction(hash, tx, sender, block.number(), block.hash(), succeeded, revertReason, fee, gas,
                List.copyOf(events)));
        onNewBlock.accept(this);
    }

    /** starknet_estimateFee: runs the transactions in order on a copy of the state. */
    synchronized List<Estimate> estimate(List<InvokeV3> txs, boolean skipValidate) {
        WorldState scratch = world.copy();
        List<Estimate> out = new ArrayList<>();
        long timestamp = now();
        for (int i = 0; i < txs.size(); i++) {
            InvokeV3 tx = txs.get(i);
            WorldState.Account account = scratch.accounts.get(tx.senderAddress());
            if (account == null) {
                throw ExecutionErrors.inEstimate(i, tx.senderAddress(), accountClass(tx.senderAddress()), ExecutionErrors.VALIDATE,
                        "Requested contract address " + tx.senderAddress().toHex() + " is not deployed.");
            }
            if (!tx.nonce().value().equals(account.nonce)) {
                throw ExecutionErrors.inEstimate(i, tx.senderAddress(), accountClass(tx.senderAddress()), ExecutionErrors.VALIDATE,
                        "Invalid transaction nonce: account nonce " + hex(account.nonce) + ", got " + tx.nonce().toHex());
            }
            List<Call> calls;
            try {
                calls = Multicall.decode(tx.calldata());
            } catch (ContractPanic panic) {
                throw ExecutionErrors.inEstimate(i, tx.senderAddress(), accountClass(tx.senderAddress()), ExecutionErrors.VALIDATE, panic.reason());
            }
            Execution execution = new Execution(scratch, chainId, timestamp, pendingBlockNumber());
            Felt selector = ExecutionErrors.VALIDATE;
            try {
                if (!skipValidate) {
                    execution.validate(tx.senderAddress(), tx.hash(chainId), tx.signature(), calls);
                }
                selector = ExecutionErrors.EXECUTE;
                execution.execute(tx.senderAddress(), tx.signature(), calls);
            } catch (ContractPanic panic) {
                throw ExecutionErrors.inEstimate(i, tx.senderAddress(), accountClass(tx.senderAddress()), selector, panic.reason());
            }
            account.nonce = account.nonce.add(BigInteger.ONE);
            Gas gas = Gas.of(tx, calls.size());
            out.add(new Estimate(gas, gas.fee()));
        }
        return out;
    }

    /** starknet_call on the latest state; nothing it does is kept. */
    synchronized List<Felt> call(Call call) {
        if (!world.isDeployed(call.to())) {
            throw new RpcFailure(StarknetErrorCode.CONTRACT_NOT_FOUND.code(), "Contract not found", null);
        }
        try {
            return new Execution(world.copy(), chainId, now(), pendingBlockNumber()).call(Felt.ZERO, call);
        } catch (ContractPanic.EntryPointNotFound e) {
            throw new RpcFailure(StarknetErrorCode.ENTRYPOINT_NOT_FOUND.code(), "Requested entry point does not exist in the contract", null);
        } catch (ContractPanic panic) {
            throw ExecutionErrors.inCall(call, classHashAt(call.to()), panic.reason());
        }
    }

    synchronized Felt classHashAt(Felt address) {
        if (world.tokens.containsKey(address)) {
            return TokenContract.CLASS_HASH;
        }
        if (world.accounts.containsKey(address)) {
            return accountClass(address);
        }
        if (world.swaps.contains(address)) {
            return SwapContract.CLASS_HASH;
        }
        throw new RpcFailure(StarknetErrorCode.CONTRACT_NOT_FOUND.code(), "Contract not found", null);
    }

    /**
     * starknet_getStorageAt on the latest state. Cavos accounts keep their state in the account's storage
     * layout; the ERC-20s and the demo swap keep theirs in fields of their own, so every slot of theirs reads 0.
     */
    synchronized StorageValue storageAt(Felt address, Felt key) {
        WorldState.Account account = world.accounts.get(address);
        if (account != null) {
            return new StorageValue(account.storage.getOrDefault(key, Felt.ZERO), account.storageUpdatedIn.getOrDefault(key, 0L));
        }
        if (world.isDeployed(address)) {
            return new StorageValue(Felt.ZERO, 0);
        }
        throw new RpcFailure(StarknetErrorCode.CONTRACT_NOT_FOUND.code(), "Contract not found", null);
    }

    synchronized Felt nonceOf(Felt address) {
        WorldState.Account account = world.accounts.get(address);
        if (account != null) {
            return Felt.of(account.nonce);
        }
        if (world.isDeployed(address)) {
            return Felt.ZERO;
        }
        throw new RpcFailure(StarknetErrorCode.CONTRACT_NOT_FOUND.code(), "Contract not found", null);
    }

    synchronized Transaction transaction(Felt hash) {
        Transaction tx = transactions.get(hash);
        if (tx == null) {
            throw new RpcFailure(StarknetErrorCode.TXN_HASH_NOT_FOUND.code(), "Transaction hash not found", null);
        }
        return tx;
    }

    synchronized List<Transaction> transactionsIn(Block block) {
        return block.transactionHashes().stream().map(transactions::get).toList();
    }

    // ---------------------------------------------------------------- the sandbox's own transactions

    /**
     * A transaction the sandbox makes itself (the dashboard registering a session, a mint): the change
     * runs on a copy, lands in a block of its own with its events, and has a receipt like any other.
     */
    synchronized Felt systemTransaction(Felt sender, Consumer<Execution> change) {
        long timestamp = now();
        WorldState next = world.copy();
        Execution execution = new Execution(next, chainId, timestamp, pendingBlockNumber());
        change.accept(execution);
        world = next;
        Felt hash = Poseidon.hashMany(Felt.fromShortString("SANDBOX_SYSTEM_TX"), chainId, Felt.of(++systemCounter), sender,
                Felt.of(timestamp));
        record(hash, null, sender, true, null, BigInteger.ZERO, Gas.NONE, execution.events, timestamp);
        return hash;
    }

    /** Deploys contracts directly (genesis, new demo accounts) without a transaction. */
    synchronized void deploy(Consumer<WorldState> change) {
        change.accept(world);
    }

    synchronized <T> T read(java.util.function.Function<WorldState, T> reader) {
        return reader.apply(world);
    }

    // ---------------------------------------------------------------- helpers

    /** The class of the account at {@code address}: the relayer's plain account, else the Cavos account. */
    private Felt accountClass(Felt address) {
        WorldState.Account account = world.accounts.get(address);
        return account != null && account.isPlain() ? RelayerAccount.CLASS_HASH : CavosAccount.CLASS_HASH;
    }

    private WorldState.Account accountOrFail(Felt address) {
        WorldState.Account account = world.accounts.get(address);
        if (account != null) {
            return account;
        }
        if (world.isDeployed(address)) {
            throw new RpcFailure(StarknetErrorCode.NON_ACCOUNT.code(), "Sender address is not an account contract", null);
        }
        throw new RpcFailure(StarknetErrorCode.VALIDATION_FAILURE.code(), "Account validation failed",
                NODES.textNode("Requested contract address " + address.toHex() + " is not deployed."));
    }

    static String hex(BigInteger value) {
        return "0x" + value.toString(16);
    }

    synchronized List<Block> blocksView() {
        return Collections.unmodifiableList(new ArrayList<>(blocks));
    }
}
