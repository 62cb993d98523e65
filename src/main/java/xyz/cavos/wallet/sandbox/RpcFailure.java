package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-RPC error the sandbox answers with: a spec code, its message, and data. */
final class RpcFailure extends RuntimeException {

    final int code;
    final transient JsonNode data;

    RpcFailure(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }
}
