package xyz.cavos.wallet.starknet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.swmansion.starknet.crypto.StarknetCurve;
import com.swmansion.starknet.data.TransactionHashCalculator;
import com.swmansion.starknet.data.types.DAMode;
import com.swmansion.starknet.data.types.StarknetChainId;
import com.swmansion.starknet.data.types.TransactionVersion;
import com.swmansion.starknet.data.types.Uint128;
import com.swmansion.starknet.data.types.Uint64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our Starknet core against starknet-jvm 0.18.0 on random inputs. The seed is in every failure message;
 * rerun one with {@code -Dcavos.test.seed=N}.
 */
class StarknetJvmDifferentialTest {

    private static final int CASES = 1000;
    /** starknet-jvm signs in ~90 ms through its native library; fewer of its signatures keep the suite quick. */
    private static final int THEIR_SIGNATURES = 200;

    private final RandomFelts random = new RandomFelts(RandomFelts.SEED);
    private final String seed = "seed " + RandomFelts.SEED;

    @Test
    void poseidonAgrees() {
        for (int i = 0; i < CASES; i++) {
            Felt x = random.felt();
            Felt y = random.felt();
            assertEquals(their(com.swmansion.starknet.crypto.Poseidon.poseidonHash(jvm(x), jvm(y))), Poseidon.hash(x, y), seed);
            assertEquals(their(com.swmansion.starknet.crypto.Poseidon.poseidonHash(jvm(x))), Poseidon.hash(x), seed);
            List<Felt> many = random.felts(24);
            assertEquals(their(com.swmansion.starknet.crypto.Poseidon.poseidonHash(jvm(many))), Poseidon.hashMany(many),
                    seed + ", " + many.size() + " elements");
        }
    }

    @Test
    void pedersenAgrees() {
        for (int i = 0; i < CASES; i++) {
            Felt a = random.felt();
            Felt b = random.felt();
            assertEquals(their(StarknetCurve.pedersen(jvm(a), jvm(b))), Pedersen.hash(a, b), seed + ", case " + i);
        }
    }

    @Test
    void publicKeysAgree() {
        for (int i = 0; i < CASES; i++) {
            Felt key = random.privateKey();
            assertEquals(their(StarknetCurve.getPublicKey(jvm(key))), xyz.cavos.wallet.starknet.StarkCurve.publicKey(key), seed);
        }
    }

    @Test
    void invokeV3HashesAgree() {
        for (int i = 0; i < CASES; i++) {
            ResourceBoundsMapping bounds = new ResourceBoundsMapping(
                    new ResourceBounds(random.bits(64), random.bits(128)),
                    new ResourceBounds(random.bits(64), random.bits(128)),
                    new ResourceBounds(random.bits(64), random.bits(128)));
            DataAvailabilityMode nonceMode = random.bool() ? DataAvailabilityMode.L1 : DataAvailabilityMode.L2;
            DataAvailabilityMode feeMode = random.bool() ? DataAvailabilityMode.L1 : DataAvailabilityMode.L2;
            InvokeV3 tx = new InvokeV3(random.felt(), random.felts(30), random.felt(), bounds, random.bits(64),
                    random.felts(3), random.felts(3), nonceMode, feeMode, random.bool(), List.of());
            Felt chainId = random.bool() ? Felt.fromShortString("SN_MAIN") : random.felt();

            Felt theirs = their(TransactionHashCalculator.calculateInvokeTxV3Hash(
                    jvm(tx.senderAddress()), jvm(tx.calldata()), new StarknetChainId(jvm(chainId)),
                    tx.query() ? TransactionVersion.V3_QUERY : TransactionVersion.V3,
                    jvm(tx.nonce()), new Uint64(tx.tip()),
                    new com.swmansion.starknet.data.types.ResourceBoundsMapping(
                            jvm(bounds.l1Gas()), jvm(bounds.l1DataGas()), jvm(bounds.l2Gas())),
                    jvm(tx.paymasterData()), jvm(tx.accountDeploymentData()),
                    jvm(feeMode), jvm(nonceMode), List.of()));
            assertEquals(theirs, tx.hash(chainId), seed + ", case " + i);
        }
    }

    @Test
    void ourSignaturesVerifyWithStarknetJvm() {
        for (int i = 0; i < CASES; i++) {
            Felt key = random.privateKey();
            Felt hash = random.hash();
            var signature = xyz.cavos.wallet.starknet.StarkCurve.sign(key, hash);
            Felt publicKey = xyz.cavos.wallet.starknet.StarkCurve.publicKey(key);
            assertTrue(StarknetCurve.verify(jvm(publicKey), jvm(hash), jvm(signature.r()), jvm(signature.s())),
                    seed + ", case " + i);
        }
    }

    @Test
    void starknetJvmSignaturesVerifyWithOurs() {
        for (int i = 0; i < THEIR_SIGNATURES; i++) {
            Felt key = random.privateKey();
            Felt hash = random.hash();
            var theirs = StarknetCurve.sign(jvm(key), jvm(hash));
            var signature = new xyz.cavos.wallet.starknet.StarkCurve.Signature(their(theirs.getR()), their(theirs.getS()));
            Felt publicKey = their(StarknetCurve.getPublicKey(jvm(key)));
            assertTrue(xyz.cavos.wallet.starknet.StarkCurve.verify(publicKey, hash, signature), seed + ", case " + i);
        }
    }

    private static com.swmansion.starknet.data.types.Felt jvm(Felt felt) {
        return new com.swmansion.starknet.data.types.Felt(felt.value());
    }

    private static List<com.swmansion.starknet.data.types.Felt> jvm(List<Felt> felts) {
        return felts.stream().map(StarknetJvmDifferentialTest::jvm).toList();
    }

    private static com.swmansion.starknet.data.types.ResourceBounds jvm(ResourceBounds bounds) {
        return new com.swmansion.starknet.data.types.ResourceBounds(
                new Uint64(bounds.maxAmount()), new Uint128(bounds.maxPricePerUnit()));
    }

    private static DAMode jvm(DataAvailabilityMode mode) {
        return mode == DataAvailabilityMode.L1 ? DAMode.L1 : DAMode.L2;
    }

    private static Felt their(com.swmansion.starknet.data.types.Felt felt) {
        return Felt.of(felt.getValue());
    }
}
