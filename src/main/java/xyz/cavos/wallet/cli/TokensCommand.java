package xyz.cavos.wallet.cli;

import java.util.List;
import java.util.concurrent.Callable;
import xyz.cavos.wallet.cli.CommandResult.TokenChangeResult;
import xyz.cavos.wallet.cli.CommandResult.TokensResult;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletToken;

/** {@code cavos tokens list|add|remove}: the tokens the wallet shows on the session's network, shared with the app. */
final class TokensCommand extends CommandGroup {

    TokensCommand(CavosCommand root) {
        super("tokens", "The tokens shown on the session's network: the built-in ones, those a session's spending policy names, and"
                + " those added by hand.", "A listed token's symbol can be given to balance, transfer and approve --token.");
        for (CliCommand command : List.of(new ListTokens(root), new Add(root), new Remove(root), new HelpCommand())) {
            subcommand(command);
        }
    }

    static final class ListTokens extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        ListTokens(CavosCommand root) {
            super("list", "The tokens listed on the session's network.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            WalletService wallet = root.wallet();
            return new TokensResult(wallet.network().name(), wallet.tokens().stream().map(TokensResult.Entry::of).toList());
        }
    }

    static final class Add extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> address = parameter(0, "ADDRESS", "The token's address, in hex (0x…) or decimal.");

        Add(CavosCommand root) {
            super("add", "Adds a token by its address: its symbol and decimals are read from its contract.",
                    "An address that does not answer as an ERC-20 is refused.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            WalletService wallet = root.wallet();
            WalletToken added = wallet.addToken(address.value());
            return new TokenChangeResult("added", wallet.network().name(), TokensResult.Entry.of(added));
        }
    }

    static final class Remove extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> token = parameter(0, "SYMBOL|ADDRESS");

        Remove(CavosCommand root) {
            super("remove", "Removes a token added by hand (by symbol or address).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            WalletService wallet = root.wallet();
            WalletToken removed = wallet.removeToken(token.value());
            return new TokenChangeResult("removed", wallet.network().name(), TokensResult.Entry.of(removed));
        }
    }
}
