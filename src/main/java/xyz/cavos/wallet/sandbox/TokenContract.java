package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

/** The ERC-20 contract the sandbox's tokens run: balances, allowances, transfers and their events. */
final class TokenContract {

    static final Felt CLASS_HASH = Felt.parse("0x4ad3c1dc8413453db314497945b6903e1c766495a1e60492d44da9c2a986e4b");
    private static final Map<Felt, String> ENTRY_POINTS = Cairo.entryPoints("balanceOf", "balance_of", "allowance",
            "decimals", "symbol", "name", "totalSupply", "total_supply", "transfer", "transferFrom", "transfer_from", "approve");

    private final Execution execution;

    TokenContract(Execution execution) {
        this.execution = execution;
    }

    /** Runs an entry point; its arguments are read by the ERC-20 ABI before it runs ({@link Cairo.Args}). */
    List<Felt> call(Felt caller, Felt token, Felt selector, List<Felt> data) {
        WorldState.Erc20 erc20 = execution.world.tokens.get(token);
        Cairo.Args args = new Cairo.Args(data);
        return switch (ENTRY_POINTS.getOrDefault(selector, "")) {
            case "balanceOf", "balance_of" -> {
                Felt owner = args.address();
                args.end();
                yield U256.of(erc20.balanceOf(owner)).toCalldata();
            }
            case "allowance" -> {
                Felt owner = args.address();
                Felt spender = args.address();
                args.end();
                yield U256.of(erc20.allowance(owner, spender)).toCalldata();
            }
            case "decimals" -> view(args, Felt.of(erc20.decimals));
            case "symbol" -> {
                args.end();
                yield erc20.byteArraySymbol ? byteArray(erc20.symbol) : List.of(Felt.fromShortString(erc20.symbol));
            }
            case "name" -> view(args, Felt.fromShortString(erc20.name));
            case "totalSupply", "total_supply" -> {
                args.end();
                yield U256.of(erc20.totalSupply).toCalldata();
            }
            case "transfer" -> {
                Felt recipient = args.address();
                U256 amount = args.u256();
                args.end();
                move(token, erc20, caller, recipient, amount.value());
                yield List.of(Felt.ONE);
            }
            case "transferFrom", "transfer_from" -> {
                Felt from = args.address();
                Felt recipient = args.address();
                BigInteger amount = args.u256().value();
                args.end();
                spendAllowance(erc20, from, caller, amount);
                move(token, erc20, from, recipient, amount);
                yield List.of(Felt.ONE);
            }
            case "approve" -> {
                Felt spender = args.address();
                BigInteger amount = args.u256().value();
                args.end();
                erc20.allowances.computeIfAbsent(caller, k -> new HashMap<>()).put(spender, amount);
                execution.emit(token, List.of(Selector.of("Approval"), caller, spender), U256.of(amount).toCalldata());
                yield List.of(Felt.ONE);
            }
            default -> throw Cairo.entryPointNotFound(selector);
        };
    }

    /** Cairo's {@code ByteArray} serialised: the count of full 31-byte words, the words, the pending word and its length. */
    static List<Felt> byteArray(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int full = bytes.length / 31;
        List<Felt> out = new java.util.ArrayList<>();
        out.add(Felt.of(full));
        for (int i = 0; i < full; i++) {
            out.add(Felt.of(new BigInteger(1, java.util.Arrays.copyOfRange(bytes, i * 31, i * 31 + 31))));
        }
        byte[] pending = java.util.Arrays.copyOfRange(bytes, full * 31, bytes.length);
        out.add(pending.length == 0 ? Felt.ZERO : Felt.of(new BigInteger(1, pending)));
        out.add(Felt.of(pending.length));
        return out;
    }

    /** A view without arguments that returns one felt. */
    private static List<Felt> view(Cairo.Args args, Felt value) {
        args.end();
        return List.of(value);
    }

    /** Lowers what {@code spender} may still take from {@code owner}; panics when it is not enough. */
    static void spendAllowance(WorldState.Erc20 erc20, Felt owner, Felt spender, BigInteger amount) {
        BigInteger allowed = erc20.allowance(owner, spender);
        if (allowed.compareTo(amount) < 0) {
            throw new ContractPanic("ERC20: insufficient allowance");
        }
        erc20.allowances.computeIfAbsent(owner, k -> new HashMap<>()).put(spender, allowed.subtract(amount));
    }

    /** Moves tokens and emits Transfer; also used to charge fees. */
    void move(Felt token, WorldState.Erc20 erc20, Felt from, Felt to, BigInteger amount) {
        BigInteger balance = erc20.balanceOf(from);
        if (balance.compareTo(amount) < 0) {
            throw new ContractPanic("ERC20: insufficient balance");
        }
        erc20.balances.put(from, balance.subtract(amount));
        erc20.balances.put(to, erc20.balanceOf(to).add(amount));
        execution.emit(token, List.of(Selector.of("Transfer"), from, to), U256.of(amount).toCalldata());
    }
}
