package xyz.cavos.wallet.cli;

import java.util.List;
import java.util.concurrent.Callable;
import xyz.cavos.wallet.cli.CommandResult.NetworkCheckResult;
import xyz.cavos.wallet.wallet.EndpointCheck;
import xyz.cavos.wallet.wallet.EndpointReport;

/** {@code cavos network check}. */
final class NetworkCommand extends CommandGroup {

    NetworkCommand(CavosCommand root) {
        super("network", "The RPC endpoints the wallet uses.");
        subcommand(new Check(root));
        subcommand(new HelpCommand());
    }

    static final class Check extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        Check(CavosCommand root) {
            super("check", "Asks each endpoint, in the order they are tried, whether it answers, which chain and spec version it"
                    + " serves, how fast, and whether it takes batches and the pre_confirmed block.",
                    "The endpoints: --rpc-url (repeatable), else CAVOS_RPC_URLS or CAVOS_RPC_URL, else the settings' list for the"
                            + " network (--network, else CAVOS_NETWORK, else the imported session's, else the one chosen with"
                            + " cavos config set network, else mainnet), else its public defaults.",
                    "Exits 0 when at least one endpoint can be used, 1 when none can (the result is printed either way).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            EndpointCheck.Result checked = EndpointCheck.configured(root.connectionOptions(), root.optionalStore(), EndpointCheck.TIMEOUT);
            List<NetworkCheckResult.Endpoint> endpoints = checked.endpoints().stream().map(Check::endpoint).toList();
            return new NetworkCheckResult(checked.network(), (int) checked.endpoints().stream().filter(EndpointReport::ok).count(),
                    endpoints);
        }

        private static NetworkCheckResult.Endpoint endpoint(EndpointReport r) {
            return new NetworkCheckResult.Endpoint(r.position(), r.endpoint(), r.verdict().word(), r.reachable(), r.chain(), r.specVersion(),
                    r.latencyMillis(), r.batches(), r.preConfirmed(), r.problem());
        }
    }
}
