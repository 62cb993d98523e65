package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.StarknetErrorCode;

/**
 * The gas a transaction uses, by a fixed formula of its calls, calldata and signature, and what it costs
 * at the sandbox's fixed prices (in fri; every block carries the same prices).
 */
record Gas(long l1Gas, long l1DataGas, long l2Gas) {

    static final BigInteger L1_GAS_PRICE = BigInteger.valueOf(50_000_000_000_000L);
    static final BigInteger L2_GAS_PRICE = BigInteger.valueOf(12_000_000_000L);
    static final BigInteger L1_DATA_GAS_PRICE = BigInteger.valueOf(100_000_000L);
    static final BigInteger WEI_PER_FRI_DIVISOR = BigInteger.valueOf(10_000);
    static final Gas NONE = new Gas(0, 0, 0);

    static Gas of(InvokeV3 tx, int calls) {
        long l2 = 300_000 + 220_000L * calls + 2_000L * tx.calldata().size() + 1_500L * tx.signature().size();
        return new Gas(0, 128 + 64L * calls, l2);
    }

    BigInteger fee() {
        return BigInteger.valueOf(l1Gas).multiply(L1_GAS_PRICE)
                .add(BigInteger.valueOf(l1DataGas).multiply(L1_DATA_GAS_PRICE))
                .add(BigInteger.valueOf(l2Gas).multiply(L2_GAS_PRICE));
    }

    /** The fee charged: the gas at the block's prices plus the tip on every unit of L2 gas. */
    BigInteger feeWithTip(BigInteger tip) {
        return fee().add(tip.multiply(BigInteger.valueOf(l2Gas)));
    }

    /** Refuses a transaction whose resource bounds do not cover this gas at the block's prices. */
    void checkCoveredBy(InvokeV3 tx) {
        List<String> problems = new ArrayList<>();
        check(problems, "L1 gas", tx.resourceBounds().l1Gas(), l1Gas, L1_GAS_PRICE);
        check(problems, "L1 data gas", tx.resourceBounds().l1DataGas(), l1DataGas, L1_DATA_GAS_PRICE);
        check(problems, "L2 gas", tx.resourceBounds().l2Gas(), l2Gas, L2_GAS_PRICE);
        if (!problems.isEmpty()) {
            throw new RpcFailure(StarknetErrorCode.INSUFFICIENT_RESOURCES_FOR_VALIDATE.code(),
                    "The transaction's resources don't cover validation or the minimal transaction fee",
                    JsonNodeFactory.instance.textNode(String.join("; ", problems)));
        }
    }

    private static void check(List<String> problems, String name, ResourceBounds bounds, long needed, BigInteger price) {
        if (bounds.maxAmount().compareTo(BigInteger.valueOf(needed)) < 0) {
            problems.add("max " + name + " amount " + bounds.maxAmount() + " is below the " + needed + " needed");
        }
        if (needed > 0 && bounds.maxPricePerUnit().compareTo(price) < 0) {
            problems.add("max " + name + " price " + bounds.maxPricePerUnit() + " is below the block's " + price);
        }
    }
}
