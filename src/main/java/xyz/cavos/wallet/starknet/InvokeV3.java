package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An INVOKE v3 transaction. The signature is carried along but is not part of the hash; a query
 * transaction (for fee estimation and simulation) uses version 2^128 + 3 and cannot be executed.
 */
public record InvokeV3(
        Felt senderAddress,
        List<Felt> calldata,
        Felt nonce,
        ResourceBoundsMapping resourceBounds,
        BigInteger tip,
        List<Felt> paymasterData,
        List<Felt> accountDeploymentData,
        DataAvailabilityMode nonceDataAvailabilityMode,
        DataAvailabilityMode feeDataAvailabilityMode,
        boolean query,
        List<Felt> signature) {

    public static final Felt VERSION = Felt.of(3);
    public static final Felt QUERY_VERSION = Felt.of(BigInteger.ONE.shiftLeft(128).add(BigInteger.valueOf(3)));
    private static final Felt INVOKE_PREFIX = Felt.fromShortString("invoke");

    public InvokeV3 {
        calldata = List.copyOf(calldata);
        paymasterData = List.copyOf(paymasterData);
        accountDeploymentData = List.copyOf(accountDeploymentData);
        signature = List.copyOf(signature);
        if (tip.signum() < 0 || tip.bitLength() > 64) {
            throw new InvalidValueException("Tip " + tip + " does not fit in a u64");
        }
    }

    /** The usual self-paid invoke: no tip, no paymaster, DA modes on L1, unsigned. */
    public static InvokeV3 of(Felt sender, List<Call> calls, Felt nonce, ResourceBoundsMapping bounds, boolean query) {
        return new InvokeV3(sender, Call.executeCalldata(calls), nonce, bounds, BigInteger.ZERO, List.of(), List.of(),
                DataAvailabilityMode.L1, DataAvailabilityMode.L1, query, List.of());
    }

    public Felt version() {
        return query ? QUERY_VERSION : VERSION;
    }

    public InvokeV3 withSignature(List<Felt> newSignature) {
        return new InvokeV3(senderAddress, calldata, nonce, resourceBounds, tip, paymasterData, accountDeploymentData,
                nonceDataAvailabilityMode, feeDataAvailabilityMode, query, newSignature);
    }

    public InvokeV3 asQuery(boolean newQuery) {
        return new InvokeV3(senderAddress, calldata, nonce, resourceBounds, tip, paymasterData, accountDeploymentData,
                nonceDataAvailabilityMode, feeDataAvailabilityMode, newQuery, signature);
    }

    /** The transaction hash on the chain with this id (SNIP-8 / Starknet v3 hash, Poseidon). */
    public Felt hash(Felt chainId) {
        Felt feeFieldsHash = Poseidon.hashMany(
                Felt.of(tip),
                resourceBounds.l1Gas().hashElement("L1_GAS"),
                resourceBounds.l2Gas().hashElement("L2_GAS"),
                resourceBounds.l1DataGas().hashElement("L1_DATA"));
        long daModes = ((long) nonceDataAvailabilityMode.code() << 32) | feeDataAvailabilityMode.code();
        List<Felt> elements = new ArrayList<>(10);
        elements.add(INVOKE_PREFIX);
        elements.add(version());
        elements.add(senderAddress);
        elements.add(feeFieldsHash);
        elements.add(Poseidon.hashMany(paymasterData));
        elements.add(chainId);
        elements.add(nonce);
        elements.add(Felt.of(daModes));
        elements.add(Poseidon.hashMany(accountDeploymentData));
        elements.add(Poseidon.hashMany(calldata));
        return Poseidon.hashMany(elements);
    }
}
