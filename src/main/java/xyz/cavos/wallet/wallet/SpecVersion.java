package xyz.cavos.wallet.wallet;

/** The Starknet JSON-RPC versions the wallet speaks: 0.10 and later (the node says {@code "0.10.2"}, say). */
final class SpecVersion {

    private SpecVersion() {
    }

    static boolean supported(String version) {
        String[] parts = version.strip().split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 0 || minor >= 10;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
