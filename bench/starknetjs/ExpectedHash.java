import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * Prints what our code computes for the transaction of HashAndSignBenchmark at nonce 0 (and 1): the
 * __execute__ calldata, the INVOKE v3 hash and the Stark ECDSA signature. hash-sign.mjs holds the nonce 0
 * values as its self-check. Run from the project folder after ./mvnw -q -DskipTests package:
 *
 *   java -cp "target/classes:$(cat target/cavos.classpath)" bench/starknetjs/ExpectedHash.java
 */
public class ExpectedHash {

    public static void main(String[] args) {
        Felt chainId = Felt.fromShortString("SN_MAIN");
        Felt sender = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
        Felt key = Felt.parse("0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcde");
        ResourceBoundsMapping bounds = new ResourceBoundsMapping(
                ResourceBounds.of(0, 50_000_000_000_000L), ResourceBounds.of(2_000_000, 12_000_000_000L),
                ResourceBounds.of(1024, 100_000_000L));
        List<Felt> transferData = new ArrayList<>();
        transferData.add(Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b"));
        transferData.addAll(U256.parseAmount("1.5", 18).toCalldata());
        List<Call> transfer = List.of(Call.of(
                Felt.parse("0x4718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d"), "transfer", transferData));
        System.out.println("calldata " + Call.executeCalldata(transfer).stream().map(Felt::toHex).toList());
        for (long nonce = 0; nonce <= 1; nonce++) {
            Felt hash = InvokeV3.of(sender, transfer, Felt.of(nonce), bounds, false).hash(chainId);
            StarkCurve.Signature signature = StarkCurve.sign(key, hash);
            System.out.println("nonce " + nonce + " hash " + hash.toHex() + " r " + signature.r().toHex() + " s " + signature.s().toHex());
        }
    }
}
