package xyz.cavos.wallet.ui;

/** Who pays a transaction's fee, as the app offers it: the wallet in STRK, or, with a paymaster set in Settings, the paymaster or a token. */
public enum FeeChoice {
    SELF("Pay it myself, in STRK"), SPONSORED("Sponsored by the paymaster"), TOKEN("Pay it in a token");

    private final String label;

    FeeChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
