package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;

/**
 * Runs contract code against a {@link WorldState} at one block: the ERC-20s ({@link TokenContract}), the
 * demo swap ({@link SwapContract}), the Cavos account ({@link AccountContract}, {@link SessionRules}),
 * whose checks and revert strings follow the account contract (version 3), and the paymaster's relayer
 * ({@link RelayerAccount}). Events emitted along the way
 * are collected for the receipt.
 */
final class Execution {

    record Event(Felt fromAddress, List<Felt> keys, List<Felt> data) {
    }

    final WorldState world;
    /** The chain's id, which SNIP-12 messages (outside executions) are hashed with. */
    final Felt chainId;
    final long now;
    final long blockNumber;
    final List<Event> events = new ArrayList<>();

    Execution(WorldState world, Felt chainId, long now, long blockNumber) {
        this.world = world;
        this.chainId = chainId;
        this.now = now;
        this.blockNumber = blockNumber;
    }

    /** call_contract_syscall: run an entry point as {@code caller}. */
    List<Felt> call(Felt caller, Call call) {
        Felt to = call.to();
        if (world.tokens.containsKey(to)) {
            return new TokenContract(this).call(caller, to, call.selector(), call.calldata());
        }
        WorldState.Account account = world.accounts.get(to);
        if (account != null && account.isPlain()) {
            return RelayerAccount.call(account, caller, call.selector(), call.calldata());
        }
        if (account != null) {
            return new AccountContract(this).call(caller, to, call.selector(), call.calldata());
        }
        if (world.swaps.contains(to)) {
            return new SwapContract(this).call(caller, to, call.selector(), call.calldata());
        }
        throw new ContractPanic.ContractNotFound("Requested contract address " + to.toHex() + " is not deployed.");
    }

    /** {@code __validate__}: of a Cavos account for an INVOKE signed with a session key, or of the relayer. */
    void validate(Felt account, Felt txHash, List<Felt> signature, List<Call> calls) {
        WorldState.Account state = world.accounts.get(account);
        if (state.isPlain()) {
            RelayerAccount.validate(state, txHash, signature);
            return;
        }
        new SessionRules(this).validate(account, txHash, signature, calls);
    }

    /**
     * {@code __execute__}: for a Cavos account, spending limits first (session signatures only), then every call,
     * all or nothing; the relayer runs its calls with no policy and emits nothing of its own.
     */
    List<List<Felt>> execute(Felt account, List<Felt> signature, List<Call> calls) {
        if (world.accounts.get(account).isPlain()) {
            List<List<Felt>> results = new ArrayList<>();
            for (Call call : calls) {
                results.add(call(account, call));
            }
            return results;
        }
        new SessionRules(this).enforceSpendingLimits(account, signature, calls);
        List<List<Felt>> results = new ArrayList<>();
        for (Call call : calls) {
            results.add(call(account, call));
        }
        emit(account, List.of(CavosAccount.TRANSACTION_EXECUTED), List.of(account, Felt.of(calls.size())));
        return results;
    }

    /** The storage of the Cavos account at {@code account}, written as of this block. */
    AccountStorage storage(Felt account) {
        return new AccountStorage(world.accounts.get(account), blockNumber);
    }

    /** Moves tokens and emits Transfer; also used to charge fees. */
    void move(Felt token, WorldState.Erc20 erc20, Felt from, Felt to, BigInteger amount) {
        new TokenContract(this).move(token, erc20, from, to, amount);
    }

    void emit(Felt from, List<Felt> keys, List<Felt> data) {
        events.add(new Event(from, List.copyOf(keys), List.copyOf(data)));
    }
}
