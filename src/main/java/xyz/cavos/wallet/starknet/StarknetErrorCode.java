package xyz.cavos.wallet.starknet;

import java.util.Arrays;
import java.util.Optional;

/** The error codes of the Starknet JSON-RPC specification 0.10. */
public enum StarknetErrorCode {
    FAILED_TO_RECEIVE_TXN(1),
    CONTRACT_NOT_FOUND(20),
    ENTRYPOINT_NOT_FOUND(21),
    BLOCK_NOT_FOUND(24),
    INVALID_TXN_INDEX(27),
    CLASS_HASH_NOT_FOUND(28),
    TXN_HASH_NOT_FOUND(29),
    PAGE_SIZE_TOO_BIG(31),
    NO_BLOCKS(32),
    INVALID_CONTINUATION_TOKEN(33),
    TOO_MANY_KEYS_IN_FILTER(34),
    CONTRACT_ERROR(40),
    TRANSACTION_EXECUTION_ERROR(41),
    STORAGE_PROOF_NOT_SUPPORTED(42),
    CLASS_ALREADY_DECLARED(51),
    INVALID_TRANSACTION_NONCE(52),
    INSUFFICIENT_RESOURCES_FOR_VALIDATE(53),
    INSUFFICIENT_ACCOUNT_BALANCE(54),
    VALIDATION_FAILURE(55),
    COMPILATION_FAILED(56),
    CONTRACT_CLASS_SIZE_IS_TOO_LARGE(57),
    NON_ACCOUNT(58),
    DUPLICATE_TX(59),
    COMPILED_CLASS_HASH_MISMATCH(60),
    UNSUPPORTED_TX_VERSION(61),
    UNSUPPORTED_CONTRACT_CLASS_VERSION(62),
    UNEXPECTED_ERROR(63),
    REPLACEMENT_TRANSACTION_UNDERPRICED(64),
    FEE_BELOW_MINIMUM(65),
    INVALID_PROOF(69);

    private final int code;

    StarknetErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<StarknetErrorCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
