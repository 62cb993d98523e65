package xyz.cavos.wallet.starknet;

/** Where a transaction's nonce and fee live: on L1 (0) or L2 (1). */
public enum DataAvailabilityMode {
    L1(0),
    L2(1);

    private final int code;

    DataAvailabilityMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
