package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarknetErrorCode;

/**
 * What a node says when contract code panics, in the words and shapes a Starknet node uses, so the
 * wallet finds the account's revert string where it would on a real network.
 */
final class ExecutionErrors {

    static final Felt EXECUTE = Selector.of("__execute__");
    static final Felt VALIDATE = Selector.of("__validate__");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExecutionErrors() {
    }

    /** A submitted transaction that the account's {@code __validate__} refused. */
    static RpcFailure validationFailure(Felt account, Felt classHash, String reason) {
        return new RpcFailure(StarknetErrorCode.VALIDATION_FAILURE.code(), "Account validation failed",
                NODES.textNode("The 'validate' entry point panicked with:\nError in contract (contract address: " + account.toHex()
                        + ", class hash: " + classHash.toHex() + ", selector: " + VALIDATE.toHex() + "):\n\""
                        + reason + "\".\n"));
    }

    /** The revert reason a receipt carries when {@code __execute__} panicked. */
    static String revertReason(Felt account, Felt classHash, String reason) {
        return "Transaction execution has failed:\n0: Error in the called contract (contract address: " + account.toHex()
                + ", class hash: " + classHash.toHex() + ", selector: " + EXECUTE.toHex()
                + "):\nExecution failed. Failure reason: \"" + reason + "\".\n";
    }

    /** A transaction of a fee estimate that failed at {@code selector}. */
    static RpcFailure inEstimate(int index, Felt account, Felt classHash, Felt selector, String reason) {
        ObjectNode data = NODES.objectNode();
        data.put("transaction_index", index);
        data.set("execution_error", failure(account, classHash, selector, reason));
        return new RpcFailure(StarknetErrorCode.TRANSACTION_EXECUTION_ERROR.code(), "Transaction execution error", data);
    }

    /** A {@code starknet_call} whose entry point panicked. */
    static RpcFailure inCall(Call call, Felt classHash, String reason) {
        ObjectNode data = NODES.objectNode();
        data.set("revert_error", failure(call.to(), classHash, call.selector(), reason));
        return new RpcFailure(StarknetErrorCode.CONTRACT_ERROR.code(), "Contract error", data);
    }

    private static ObjectNode failure(Felt contract, Felt classHash, Felt selector, String reason) {
        ObjectNode error = NODES.objectNode();
        error.put("contract_address", contract.toHex());
        error.put("class_hash", classHash.toHex());
        error.put("selector", selector.toHex());
        error.put("error", "Execution failed. Failure reason: \"" + reason + "\".");
        return error;
    }
}
