package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The contract storage of the sandbox: ERC-20 tokens, Cavos accounts with their sessions, the demo swap.
 * Mutable, with a deep {@link #copy()}: a transaction runs on a copy that is kept only if it succeeds.
 * Fields are plain so the whole state can be dumped to JSON and loaded back.
 */
final class WorldState {

    /** One ERC-20: metadata, balances and allowances in base units. */
    static final class Erc20 {
        String name;
        String symbol;
        int decimals;
        BigInteger totalSupply = BigInteger.ZERO;
        Map<Felt, BigInteger> balances = new HashMap<>();
        /** owner → spender → amount. */
        Map<Felt, Map<Felt, BigInteger>> allowances = new HashMap<>();

        Erc20() {
        }

        Erc20(String name, String symbol, int decimals) {
            this.name = name;
            this.symbol = symbol;
            this.decimals = decimals;
        }

        BigInteger balanceOf(Felt owner) {
            return balances.getOrDefault(owner, BigInteger.ZERO);
        }

        BigInteger allowance(Felt owner, Felt spender) {
            return allowances.getOrDefault(owner, Map.of()).getOrDefault(spender, BigInteger.ZERO);
        }

        Erc20 copy() {
            Erc20 out = new Erc20(name, symbol, decimals);
            out.totalSupply = totalSupply;
            out.balances = new HashMap<>(balances);
            allowances.forEach((owner, spenders) -> out.allowances.put(owner, new HashMap<>(spenders)));
            return out;
        }
    }

    /** A session as the account stores it. */
    record Session(Felt nonce, Felt allowedContractsRoot, long validAfter, long validUntil, long registeredAt,
            long renewalDeadline, long maxCallsPerTx, long revocationEpoch) {

        static final Session NONE = new Session(Felt.ZERO, Felt.ZERO, 0, 0, 0, 0, 0, 0);
    }

    /** A Cavos account: nonce, identity, revocation epoch, sessions, their policies and what they spent. */
    static final class Account {
        BigInteger nonce = BigInteger.ZERO;
        Felt addressSeed = Felt.ZERO;
        long revocationEpoch;
        Map<Felt, Session> sessions = new HashMap<>();
        Map<Felt, List<SpendingLimit>> spendingPolicies = new HashMap<>();
        /** session key → token → amount spent. */
        Map<Felt, Map<Felt, BigInteger>> spent = new HashMap<>();

        Session session(Felt key) {
            return sessions.getOrDefault(key, Session.NONE);
        }

        BigInteger spent(Felt key, Felt token) {
            return spent.getOrDefault(key, Map.of()).getOrDefault(token, BigInteger.ZERO);
        }

        Account copy() {
            Account out = new Account();
            out.nonce = nonce;
            out.addressSeed = addressSeed;
            out.revocationEpoch = revocationEpoch;
            out.sessions = new HashMap<>(sessions);
            spendingPolicies.forEach((k, v) -> out.spendingPolicies.put(k, new ArrayList<>(v)));
            spent.forEach((k, v) -> out.spent.put(k, new HashMap<>(v)));
            return out;
        }
    }

    Map<Felt, Erc20> tokens = new HashMap<>();
    Map<Felt, Account> accounts = new HashMap<>();
    /** Addresses of demo swap contracts (they hold no storage of their own). */
    List<Felt> swaps = new ArrayList<>();

    WorldState copy() {
        WorldState out = new WorldState();
        tokens.forEach((k, v) -> out.tokens.put(k, v.copy()));
        accounts.forEach((k, v) -> out.accounts.put(k, v.copy()));
        out.swaps = new ArrayList<>(swaps);
        return out;
    }

    boolean isDeployed(Felt address) {
        return tokens.containsKey(address) || accounts.containsKey(address) || swaps.contains(address);
    }
}
