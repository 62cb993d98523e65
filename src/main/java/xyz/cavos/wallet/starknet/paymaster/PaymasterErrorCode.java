package xyz.cavos.wallet.starknet.paymaster;

import java.util.Arrays;
import java.util.Optional;

/** The error codes of the SNIP-29 paymaster API. */
public enum PaymasterErrorCode {
    INVALID_ADDRESS(150),
    TOKEN_NOT_SUPPORTED(151),
    INVALID_SIGNATURE(153),
    MAX_AMOUNT_TOO_LOW(154),
    CLASS_HASH_NOT_SUPPORTED(155),
    TRANSACTION_EXECUTION_ERROR(156),
    INVALID_TIME_BOUNDS(157),
    INVALID_DEPLOYMENT_DATA(158),
    INVALID_CLASS_HASH(159),
    INVALID_ID(160),
    UNKNOWN_ERROR(163);

    private final int code;

    PaymasterErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PaymasterErrorCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
