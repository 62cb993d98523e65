package xyz.cavos.wallet.bench;

import com.swmansion.starknet.crypto.StarknetCurve;
import com.swmansion.starknet.crypto.StarknetCurveSignature;
import com.swmansion.starknet.data.TransactionHashCalculator;
import com.swmansion.starknet.data.types.DAMode;
import com.swmansion.starknet.data.types.StarknetChainId;
import com.swmansion.starknet.data.types.TransactionVersion;
import com.swmansion.starknet.data.types.Uint128;
import com.swmansion.starknet.data.types.Uint64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * What a wallet does per transaction: the INVOKE v3 hash of an ERC-20 transfer, then a Stark ECDSA
 * signature. Ours and starknet-jvm's in the same run, on the same transactions (the nonce moves on
 * with every operation so no two hashes are alike). Run: {@code ./mvnw -Pbench test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class HashAndSignBenchmark {

    private static final Felt CHAIN_ID = Felt.fromShortString("SN_MAIN");
    private static final Felt SENDER = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
    private static final Felt KEY = Felt.parse("0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde");
    private static final ResourceBoundsMapping BOUNDS = new ResourceBoundsMapping(
            ResourceBounds.of(0, 50_000_000_000_000L), ResourceBounds.of(2_000_000, 12_000_000_000L),
            ResourceBounds.of(1024, 100_000_000L));
    private static final List<Call> TRANSFER = List.of(Call.of(
            Felt.parse("0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d"), "transfer",
            concat(Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b"),
                    U256.parseAmount("1.5", 18).toCalldata())));
    private static final List<com.swmansion.starknet.data.types.Felt> THEIR_CALLDATA =
            Call.executeCalldata(TRANSFER).stream().map(HashAndSignBenchmark::jvm).toList();
    private static final com.swmansion.starknet.data.types.ResourceBoundsMapping THEIR_BOUNDS =
            new com.swmansion.starknet.data.types.ResourceBoundsMapping(jvm(BOUNDS.l1Gas()), jvm(BOUNDS.l1DataGas()), jvm(BOUNDS.l2Gas()));
    private static final StarknetChainId THEIR_CHAIN = new StarknetChainId(jvm(CHAIN_ID));
    private static final com.swmansion.starknet.data.types.Felt THEIR_KEY = jvm(KEY);

    private long nonce;

    @Benchmark
    public StarkCurve.Signature oursHashAndSign() {
        InvokeV3 tx = InvokeV3.of(SENDER, TRANSFER, Felt.of(nonce++), BOUNDS, false);
        return StarkCurve.sign(KEY, tx.hash(CHAIN_ID));
    }

    @Benchmark
    public StarknetCurveSignature starknetJvmHashAndSign() {
        com.swmansion.starknet.data.types.Felt hash = TransactionHashCalculator.calculateInvokeTxV3Hash(
                jvm(SENDER), THEIR_CALLDATA, THEIR_CHAIN, TransactionVersion.V3,
                new com.swmansion.starknet.data.types.Felt(BigInteger.valueOf(nonce++)), Uint64.ZERO, THEIR_BOUNDS,
                List.of(), List.of(), DAMode.L1, DAMode.L1, List.of());
        return StarknetCurve.sign(THEIR_KEY, hash);
    }

    @Benchmark
    public Felt oursHashOnly() {
        return InvokeV3.of(SENDER, TRANSFER, Felt.of(nonce++), BOUNDS, false).hash(CHAIN_ID);
    }

    @Benchmark
    public com.swmansion.starknet.data.types.Felt starknetJvmHashOnly() {
        return TransactionHashCalculator.calculateInvokeTxV3Hash(
                jvm(SENDER), THEIR_CALLDATA, THEIR_CHAIN, TransactionVersion.V3,
                new com.swmansion.starknet.data.types.Felt(BigInteger.valueOf(nonce++)), Uint64.ZERO, THEIR_BOUNDS,
                List.of(), List.of(), DAMode.L1, DAMode.L1, List.of());
    }

    @Benchmark
    public Felt oursPoseidonPair() {
        return Poseidon.hash(Felt.of(nonce++), SENDER);
    }

    @Benchmark
    public com.swmansion.starknet.data.types.Felt starknetJvmPoseidonPair() {
        return com.swmansion.starknet.crypto.Poseidon.poseidonHash(
                new com.swmansion.starknet.data.types.Felt(BigInteger.valueOf(nonce++)), jvm(SENDER));
    }

    private static List<Felt> concat(Felt first, List<Felt> rest) {
        List<Felt> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static com.swmansion.starknet.data.types.Felt jvm(Felt felt) {
        return new com.swmansion.starknet.data.types.Felt(felt.value());
    }

    private static com.swmansion.starknet.data.types.ResourceBounds jvm(ResourceBounds bounds) {
        return new com.swmansion.starknet.data.types.ResourceBounds(
                new Uint64(bounds.maxAmount()), new Uint128(bounds.maxPricePerUnit()));
    }
}
