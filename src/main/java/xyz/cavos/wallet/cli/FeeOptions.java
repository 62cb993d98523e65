package xyz.cavos.wallet.cli;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.starknet.paymaster.PaymasterKey;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.NetworkSettings;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * Who pays a command's fee, from {@code --fee-mode}, {@code --gas-token}, {@code --max-fee} and {@code --paymaster}: the
 * wallet in STRK (self, the default), the paymaster (sponsored), or the paymaster paid in a token the wallet holds.
 * The paymaster is {@code --paymaster}, else {@code CAVOS_PAYMASTER_URL}, else the one in the settings. A key goes only to
 * the paymaster it was given for: {@code CAVOS_PAYMASTER_API_KEY} to the one {@code CAVOS_PAYMASTER_URL} names (without it,
 * to the one in the settings), the key kept in the keychain to the one in the settings. Paying in a token needs
 * {@code --max-fee} when something is sent: nothing else says how much the paymaster may take.
 */
record FeeOptions(Optional<String> mode, Optional<String> gasToken, Optional<String> maxFee, Optional<String> paymaster) {

    static final String MODES = "self, sponsored or token";
    static final String URL_ENV = "CAVOS_PAYMASTER_URL";
    static final String KEY_ENV = "CAVOS_PAYMASTER_API_KEY";

    /**
     * The mode named, checked with the options that go with it before anything is opened; bad input is exit code 2.
     * {@code sends}: the command sends a transaction (a quote needs no --max-fee).
     */
    String checkedMode(boolean sends) {
        String chosen = mode.map(m -> m.strip().toLowerCase(Locale.ROOT)).orElse("self");
        if (!chosen.equals("self") && !chosen.equals("sponsored") && !chosen.equals("token")) {
            throw bad("--fee-mode takes " + MODES + ", not " + xyz.cavos.wallet.starknet.InvalidValueException.quote(mode.orElseThrow())
                    + ".", "e.g. --fee-mode sponsored");
        }
        if (!chosen.equals("token") && gasToken.isPresent()) {
            throw bad("--gas-token goes with --fee-mode token.", "Add --fee-mode token, or leave out --gas-token.");
        }
        if (!chosen.equals("token") && maxFee.isPresent()) {
            throw bad("--max-fee goes with --fee-mode token (the most the paymaster may be paid in its gas token).",
                    "Add --fee-mode token --gas-token USDC, or leave out --max-fee.");
        }
        if (chosen.equals("token") && gasToken.isEmpty()) {
            throw bad("--fee-mode token needs the token the paymaster is paid in.", "Add --gas-token, e.g. --gas-token USDC.");
        }
        if (chosen.equals("token") && sends && maxFee.isEmpty()) {
            throw bad("--fee-mode token needs --max-fee: the most you accept to pay the paymaster, in " + gasToken.get().strip() + ".",
                    "See what it asks with the same options and: cavos … simulate (it sends nothing); then add e.g. --max-fee 0.5");
        }
        if (chosen.equals("self") && paymaster.isPresent()) {
            throw bad("--paymaster goes with --fee-mode sponsored or token; a self-paid transaction uses no paymaster.",
                    "Add --fee-mode sponsored (or token), or leave out --paymaster.");
        }
        gasToken.flatMap(Inputs::builtInToken).ifPresent(this::maximum); // a listed token's is checked once it is read
        return chosen;
    }

    /**
     * The fee payment; the gas token is a built-in symbol, a listed token or an address (read through {@code wallet}).
     * {@code warn} is told when a key from the environment is not sent.
     */
    FeePayment payment(Map<String, String> env, java.nio.file.Path home, Supplier<WalletService> wallet, boolean sends,
            java.util.function.Consumer<String> warn) {
        String chosen = checkedMode(sends);
        if (chosen.equals("self")) {
            return FeePayment.SELF;
        }
        FeePayment.Paymaster chosenPaymaster = paymaster(env, home, chosen, warn);
        if (chosen.equals("sponsored")) {
            return new FeePayment.Sponsored(chosenPaymaster);
        }
        String symbol = gasToken.orElseThrow();
        Token token = Inputs.builtInToken(symbol).orElseGet(() -> Inputs.token(symbol, wallet));
        return new FeePayment.InToken(chosenPaymaster, token, maximum(token));
    }

    /** --max-fee in the gas token's units, exact. */
    private Optional<U256> maximum(Token token) {
        try {
            return maxFee.map(text -> Inputs.amount(text, token));
        } catch (WalletError e) {
            throw new WalletError(e.code(), "--max-fee: " + e.getMessage(), "", new NextStep.FixArgument("Give the most to pay in "
                    + token.symbol() + " as a plain decimal, e.g. --max-fee 0.5"));
        }
    }

    private FeePayment.Paymaster paymaster(Map<String, String> env, java.nio.file.Path home, String chosen,
            java.util.function.Consumer<String> warn) {
        NetworkSettings settings = NetworkSettings.open(home);
        Optional<URI> configured = settings.paymasterUrl();
        Optional<URI> fromEnv = given(env, URL_ENV).map(text -> url(text, URL_ENV));
        URI target = paymaster.map(text -> url(text, "--paymaster")).or(() -> fromEnv).or(() -> configured)
                .orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT, "--fee-mode " + chosen + " needs a paymaster, and"
                        + " none is set.", "Set one with: cavos config set paymaster URL (and its API key with: cavos config set"
                        + " paymaster-api-key, which reads it from standard input).", new NextStep.FixArgument("Or give --paymaster URL, or "
                                + URL_ENV + ".")));
        Optional<String> envKey = given(env, KEY_ENV);
        Optional<URI> envKeyFor = fromEnv.or(() -> configured);
        if (envKey.isPresent()) {
            if (envKeyFor.filter(target::equals).isPresent()) {
                return new FeePayment.Paymaster(target, Optional.of(NetworkSettings.apiKey(envKey.get())));
            }
            warn.accept(KEY_ENV + " is not sent to " + new FeePayment.Paymaster(target, Optional.empty()).forDisplay() + ": it goes only to"
                    + " the paymaster " + URL_ENV + " names (or, without it, the one in the settings).");
        }
        // the key kept in the keychain belongs to the paymaster in the settings: it is never sent anywhere else
        Optional<PaymasterKey> kept = configured.filter(target::equals).flatMap(url -> settings.paymasterApiKey());
        return new FeePayment.Paymaster(target, kept);
    }

    private static URI url(String text, String source) {
        if (!NetworkSettings.isHttpUrl(text.strip())) {
            throw bad("The paymaster URL of " + source + " is not an http(s) URL.", "Give one such as https://paymaster.example/…");
        }
        return URI.create(text.strip());
    }

    private static Optional<String> given(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static WalletError bad(String message, String fix) {
        return new WalletError(WalletError.Code.INVALID_ARGUMENT, message, "", new NextStep.FixArgument(fix));
    }
}
