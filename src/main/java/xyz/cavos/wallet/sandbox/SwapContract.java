package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

/** The demo swap contract: {@code get_quote} and {@code swap} between known tokens at fixed prices. */
final class SwapContract {

    static final Felt CLASS_HASH = Selector.snKeccak("cavos-sandbox-demo-swap");
    private static final Map<Felt, String> ENTRY_POINTS = Cairo.entryPoints("swap", "get_quote");
    /** Prices in US cents, for the fixed rates. */
    private static final Map<String, Long> CENTS = Map.of("STRK", 50L, "ETH", 300_000L, "USDC", 100L, "USDT", 100L);

    private final Execution execution;

    SwapContract(Execution execution) {
        this.execution = execution;
    }

    List<Felt> call(Felt caller, Felt self, Felt selector, List<Felt> data) {
        String name = ENTRY_POINTS.getOrDefault(selector, "");
        if (name.isEmpty()) {
            throw Cairo.entryPointNotFound(selector);
        }
        // get_quote(token_in, amount_in: u256, token_out), swap(the same, then min_amount_out: u256)
        Cairo.Args args = new Cairo.Args(data);
        Felt tokenIn = args.address();
        BigInteger amountIn = args.u256().value();
        Felt tokenOut = args.address();
        BigInteger minOut = name.equals("swap") ? args.u256().value() : BigInteger.ZERO;
        args.end();
        BigInteger amountOut = quote(tokenIn, amountIn, tokenOut);
        if (name.equals("get_quote")) {
            return U256.of(amountOut).toCalldata();
        }
        if (amountOut.compareTo(minOut) < 0) {
            throw new ContractPanic("Insufficient output amount");
        }
        WorldState.Erc20 in = execution.world.tokens.get(tokenIn);
        TokenContract.spendAllowance(in, caller, self, amountIn);
        execution.move(tokenIn, in, caller, self, amountIn);
        execution.move(tokenOut, execution.world.tokens.get(tokenOut), self, caller, amountOut);
        execution.emit(self, List.of(Selector.of("Swapped"), caller), List.of(tokenIn, tokenOut, Felt.of(amountIn), Felt.of(amountOut)));
        return U256.of(amountOut).toCalldata();
    }

    private BigInteger quote(Felt tokenIn, BigInteger amountIn, Felt tokenOut) {
        WorldState.Erc20 in = execution.world.tokens.get(tokenIn);
        WorldState.Erc20 out = execution.world.tokens.get(tokenOut);
        if (in == null || out == null || !CENTS.containsKey(in.symbol) || !CENTS.containsKey(out.symbol) || in == out) {
            throw new ContractPanic("Unsupported token pair");
        }
        return amountIn.multiply(BigInteger.valueOf(CENTS.get(in.symbol))).multiply(BigInteger.TEN.pow(out.decimals))
                .divide(BigInteger.valueOf(CENTS.get(out.symbol)).multiply(BigInteger.TEN.pow(in.decimals)));
    }
}
