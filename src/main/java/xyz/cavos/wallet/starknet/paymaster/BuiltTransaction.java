package xyz.cavos.wallet.starknet.paymaster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A paymaster's answer to {@code paymaster_buildTransaction} for an invoke: the SNIP-12 typed data to sign and the
 * execution parameters to send back, both as received (unchecked: the wallet reviews the typed data before signing),
 * and the fee estimate. The JSON is copied in and out, so nobody changes it behind the holder's back.
 */
public record BuiltTransaction(JsonNode typedData, JsonNode parameters, PaymasterFee fee) {

    public BuiltTransaction {
        typedData = typedData.deepCopy();
        parameters = parameters.deepCopy();
    }

    @Override
    public JsonNode typedData() {
        return typedData.deepCopy();
    }

    @Override
    public JsonNode parameters() {
        return parameters.deepCopy();
    }
}
