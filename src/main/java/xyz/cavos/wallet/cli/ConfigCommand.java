package xyz.cavos.wallet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.PositionalParamSpec;
import xyz.cavos.wallet.cli.CommandResult.ConfigResult;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.wallet.Network;
import xyz.cavos.wallet.wallet.NetworkSettings;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;

/** {@code cavos config show|set|unset}: the network settings of this installation. */
final class ConfigCommand extends CommandGroup {

    private static final String NETWORK_EXAMPLE = "e.g. cavos config set network sepolia (mainnet, sepolia or sandbox)";

    static final String KEYS = "network, mainnet.rpc-urls, sepolia.rpc-urls, sandbox.rpc-urls (or rpc-urls with --network), paymaster"
            + " (or paymaster-url), paymaster-api-key";

    private final CavosCommand root;

    ConfigCommand(CavosCommand root) {
        super("config", "The network settings of this installation: the network chosen, each network's RPC endpoints in the order"
                + " they are tried, the paymaster URL.", "Keys: " + KEYS + ".");
        this.root = root;
        for (CliCommand command : List.of(new Show(this), new SetKey(this), new UnsetKey(this), new HelpCommand())) {
            subcommand(command);
        }
    }

    static final class Show extends CliCommand implements Callable<CommandResult> {
        private final ConfigCommand config;

        Show(ConfigCommand config) {
            super("show", "The network chosen, the endpoints of mainnet, sepolia and sandbox in the order they are tried, and the"
                    + " paymaster.", "A URL that may hold an API key is kept in the OS keychain and shown as scheme, host and port only.");
            this.config = config;
        }

        @Override
        public CommandResult call() {
            return config.result(Optional.empty());
        }
    }

    static final class SetKey extends CliCommand implements Callable<CommandResult> {
        private final ConfigCommand config;

        private final Arg<String> key = parameter(0, "KEY", "network, <network>.rpc-urls, paymaster or paymaster-api-key.");

        private final Arg<List<String>> valuesGiven = add(PositionalParamSpec.builder().index("1..*").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).paramLabel("VALUE").description("The value; for URLs, - or nothing reads them from"
                        + " standard input."));

        SetKey(ConfigCommand config) {
            super("set", "Sets a key: " + KEYS + ".", "network takes mainnet, sepolia or sandbox: the network used when nothing else"
                    + " names one.", "<network>.rpc-urls takes one or more URLs (each may be a comma-separated list), tried in that"
                    + " order.", "Without URLs, or with -, the URLs are read from standard input (hidden when typed in a terminal),"
                    + " so an API key in a URL need not be in the command line. A URL that may hold a key is kept in the OS keychain.",
                    "paymaster-api-key is read from standard input only (hidden when typed) and kept in the OS keychain; it is sent"
                            + " only to the paymaster set here, as the x-paymaster-api-key header.");
            this.config = config;
        }

        @Override
        public CommandResult call() {
            Key chosen = config.key(key.value(), "set");
            NetworkSettings settings = config.settings();
            switch (chosen.kind()) {
                case NETWORK -> settings.setNetwork(Optional.of(network(single(chosen, values(), NETWORK_EXAMPLE), NETWORK_EXAMPLE).name()));
                case RPC_URLS -> settings.setEndpoints(chosen.network().orElseThrow(), urls(chosen));
                case PAYMASTER_URL -> settings.setPaymaster(Optional.of(paymaster(chosen)));
                case PAYMASTER_API_KEY -> settings.setPaymasterApiKey(Optional.of(apiKey()));
            }
            return config.result(Optional.of(new ConfigResult.Change(chosen.name(), "set")));
        }

        private List<String> urls(Key chosen) {
            String network = chosen.network().orElseThrow().name();
            List<String> given = fromStandardInput() ? split(config.readStandardInput("Endpoint URLs for " + network
                    + ", comma-separated (input hidden): ")) : values().stream().flatMap(v -> ConnectionOptions.split(v).stream()).toList();
            if (given.isEmpty()) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "No URL given for " + chosen.name() + ".", "",
                        new NextStep.FixArgument("Give one or more: cavos config set " + chosen.name() + " https://…; to go back to"
                                + " the public defaults: cavos config unset " + chosen.name()));
            }
            for (int i = 0; i < given.size(); i++) {
                if (!NetworkSettings.isHttpUrl(given.get(i))) {
                    throw new WalletError(WalletError.Code.INVALID_ARGUMENT, (given.size() == 1 ? "The URL" : "URL " + (i + 1) + " of "
                            + given.size()) + " is not an http(s) URL such as https://api.cartridge.gg/x/starknet/mainnet.", "",
                            new NextStep.FixArgument("Check it, or see the endpoints in use with: cavos config show"));
                }
            }
            return given;
        }

        private String paymaster(Key chosen) {
            String url = fromStandardInput()
                    ? single(chosen, config.readStandardInput("Paymaster URL (input hidden): ").lines().map(String::strip)
                            .filter(line -> !line.isEmpty()).toList(), "Give one URL on standard input, or: cavos config set paymaster https://…")
                    : single(chosen, values(), "Give one URL: cavos config set paymaster https://…");
            if (!NetworkSettings.isHttpUrl(url)) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The paymaster URL is not an http(s) URL.", "",
                        new NextStep.FixArgument("Give one such as https://paymaster.example/…"));
            }
            return url;
        }

        /** The key from standard input only: on the command line, every user of the computer could read it. */
        private String apiKey() {
            if (!values().isEmpty() && !values().equals(List.of("-"))) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The paymaster API key is read from standard input only: on the"
                        + " command line, other users of this computer could see it.", "", new NextStep.FixArgument(
                                "Run cavos config set paymaster-api-key and type it when asked, or pipe it in."));
            }
            List<String> lines = config.readStandardInput("Paymaster API key (input hidden): ").lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            if (lines.size() != 1) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, lines.isEmpty() ? "No paymaster API key on standard input."
                        : "Standard input holds " + lines.size() + " lines; the paymaster API key is one.", "",
                        new NextStep.FixArgument("Pipe in the key alone, on one line."));
            }
            return lines.getFirst();
        }

        /** The values given after the key, none when none was. */
        private List<String> values() {
            return Arg.values(valuesGiven);
        }

        private boolean fromStandardInput() {
            if (values().size() > 1 && values().contains("-")) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "- (read from standard input) cannot be given with other values.",
                        "", new NextStep.FixArgument("Give the URLs, or - alone."));
            }
            return values().isEmpty() || values().equals(List.of("-"));
        }

        private static String single(Key chosen, List<String> given, String example) {
            if (given.size() != 1 || given.getFirst().isBlank() || given.getFirst().equals("-")) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, chosen.name() + " takes one value"
                        + (given.size() > 1 ? ", not " + given.size() : "") + ".", "", new NextStep.FixArgument(example));
            }
            return given.getFirst().strip();
        }

        /** Lines, each a comma-separated list. */
        private static List<String> split(String text) {
            return text.lines().flatMap(line -> ConnectionOptions.split(line).stream()).toList();
        }
    }

    static final class UnsetKey extends CliCommand implements Callable<CommandResult> {
        private final ConfigCommand config;

        private final Arg<String> key = parameter(0, "KEY", "network, <network>.rpc-urls, paymaster or paymaster-api-key.");

        UnsetKey(ConfigCommand config) {
            super("unset", "Unsets a key: " + KEYS + ".", "A network's rpc-urls go back to its public defaults; network to none"
                    + " chosen; paymaster to none; paymaster-api-key is removed from the keychain.");
            this.config = config;
        }

        @Override
        public CommandResult call() {
            Key chosen = config.key(key.value(), "unset");
            NetworkSettings settings = config.settings();
            switch (chosen.kind()) {
                case NETWORK -> settings.setNetwork(Optional.empty());
                case RPC_URLS -> settings.resetEndpoints(chosen.network().orElseThrow());
                case PAYMASTER_URL -> settings.setPaymaster(Optional.empty());
                case PAYMASTER_API_KEY -> settings.setPaymasterApiKey(Optional.empty());
            }
            return config.result(Optional.of(new ConfigResult.Change(chosen.name(), "unset")));
        }
    }

    // ---------------------------------------------------------------- shared

    /** A key as given, with the network it concerns; {@code name} is how results name it, e.g. sepolia.rpc-urls. */
    record Key(Kind kind, String name, Optional<Network> network) {
        enum Kind { NETWORK, RPC_URLS, PAYMASTER_URL, PAYMASTER_API_KEY }
    }

    private Key key(String text, String verb) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        Optional<Network> flag = root.network.given().map(name -> network(name, "e.g. --network sepolia"));
        return switch (key) {
            case "network" -> new Key(Key.Kind.NETWORK, key, Optional.empty());
            case "paymaster", "paymaster-url" -> new Key(Key.Kind.PAYMASTER_URL, "paymaster", Optional.empty());
            case "paymaster-api-key" -> new Key(Key.Kind.PAYMASTER_API_KEY, key, Optional.empty());
            case "rpc-urls" -> {
                Network network = flag.orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT,
                        "Which network's rpc-urls? Name it in the key (mainnet.rpc-urls, sepolia.rpc-urls, sandbox.rpc-urls) or with"
                                + " --network.", "", new NextStep.FixArgument("e.g. cavos config " + verb + " sepolia.rpc-urls …, or cavos"
                                        + " --network sepolia config " + verb + " rpc-urls …")));
                yield new Key(Key.Kind.RPC_URLS, network.name() + ".rpc-urls", Optional.of(network));
            }
            default -> {
                if (!key.endsWith(".rpc-urls")) {
                    throw unknownKey(text);
                }
                String named = key.substring(0, key.length() - ".rpc-urls".length());
                Network network = Network.byName(named).orElseThrow(() -> unknownKey(text));
                if (flag.isPresent() && !flag.get().equals(network)) {
                    throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "The key names " + network.name() + " but --network names "
                            + flag.get().name() + ".", "", new NextStep.FixArgument("Name one network: leave out --network, or use the key rpc-urls."));
                }
                yield new Key(Key.Kind.RPC_URLS, key, Optional.of(network));
            }
        };
    }

    private static Network network(String name, String example) {
        return Network.byName(name).orElseThrow(() -> new WalletError(WalletError.Code.INVALID_ARGUMENT, "Unknown network \"" + name + "\".",
                "Known networks: mainnet, sepolia and sandbox.", new NextStep.FixArgument(example)));
    }

    private static WalletError unknownKey(String text) {
        return new WalletError(WalletError.Code.INVALID_ARGUMENT, "Unknown key " + InvalidValueException.quote(text) + ".", "The keys: " + KEYS + ".",
                new NextStep.FixArgument("e.g. cavos config set sepolia.rpc-urls URL…"));
    }

    private NetworkSettings settings() {
        return NetworkSettings.open(root.home());
    }

    /** Everything set, as shown; a warning when --rpc-url or the environment sets endpoints that replace these lists. */
    private ConfigResult result(Optional<ConfigResult.Change> changed) {
        NetworkSettings settings = settings();
        NetworkSettings.View view = settings.show();
        List<ConfigResult.NetworkEndpoints> lists = Network.KNOWN.stream().map(network -> {
            List<NetworkSettings.Endpoint> endpoints = settings.endpoints(network);
            List<ConfigResult.ConfiguredEndpoint> shown = new ArrayList<>();
            for (int i = 0; i < endpoints.size(); i++) {
                NetworkSettings.Endpoint e = endpoints.get(i);
                shown.add(new ConfigResult.ConfiguredEndpoint(i + 1, e.shown(), e.builtIn(), e.inKeychain()));
            }
            return new ConfigResult.NetworkEndpoints(network.name(), shown);
        }).toList();
        List<String> warnings = root.rpcUrlsGiven().map(source -> List.of(source
                + " names endpoints: commands use those, not these lists.")).orElse(List.of());
        return new ConfigResult(changed, view.network(), lists, view.paymaster(), view.paymasterApiKeySet(), warnings);
    }

    /** What was piped in, or typed hidden at a terminal; more than {@link Inputs#MAX_PIPED_CHARS} is refused. */
    private String readStandardInput(String prompt) {
        String text = Inputs.hiddenOrPiped(prompt, new WalletError(WalletError.Code.INVALID_ARGUMENT, "Could not read standard input.", "",
                new NextStep.FixArgument("Give the value as an argument.")));
        if (text.length() > Inputs.MAX_PIPED_CHARS) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "Standard input holds more than " + Inputs.MAX_PIPED_CHARS / 1024
                    + " KB; a list of endpoint URLs is far shorter.", "", new NextStep.FixArgument("Pipe in only the URLs."));
        }
        return text;
    }
}
