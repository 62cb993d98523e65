package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The contract state of the sandbox: ERC-20 tokens, Cavos accounts (their sessions in the account's own
 * storage layout), the demo swap.
 * Mutable, with a deep {@link #copy()}: a transaction runs on a copy that is kept only if it succeeds.
 * Fields are plain so the whole state can be dumped to JSON and loaded back.
 */
final class WorldState {

    /** One ERC-20: metadata, balances and allowances in base units. */
    static final class Erc20 {
        String name;
        String symbol;
        int decimals;
        /** Whether {@code symbol()} answers a ByteArray (as newer Cairo tokens do) rather than a short string. */
        boolean byteArraySymbol;
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
            out.byteArraySymbol = byteArraySymbol;
            out.totalSupply = totalSupply;
            out.balances = new HashMap<>(balances);
            allowances.forEach((owner, spenders) -> out.allowances.put(owner, new HashMap<>(spenders)));
            return out;
        }
    }

    /**
     * A Cavos account: its protocol nonce and its contract storage, slot address to value, laid out as the
     * account contract lays it out (read and written through {@link AccountStorage}); a slot not in the map
     * holds zero. {@code storageUpdatedIn} is the block of each slot's last write. An account with a
     * {@code publicKey} is instead a plain Stark-key account ({@link RelayerAccount}, the paymaster's relayer).
     */
    static final class Account {
        BigInteger nonce = BigInteger.ZERO;
        /** The key of a plain account; null for a Cavos account. */
        Felt publicKey;
        Map<Felt, Felt> storage = new HashMap<>();
        Map<Felt, Long> storageUpdatedIn = new HashMap<>();

        boolean isPlain() {
            return publicKey != null;
        }

        Account copy() {
            Account out = new Account();
            out.nonce = nonce;
            out.publicKey = publicKey;
            out.storage = new HashMap<>(storage);
            out.storageUpdatedIn = new HashMap<>(storageUpdatedIn);
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
