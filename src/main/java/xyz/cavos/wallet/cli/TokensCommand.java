package xyz.cavos.wallet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xyz.cavos.wallet.cli.CommandResult.TokenChangeResult;
import xyz.cavos.wallet.cli.CommandResult.TokensResult;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletToken;

/** {@code cavos tokens list|add|remove}: the tokens the wallet shows on the session's network, shared with the app. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = {"The tokens shown on the session's network: the built-in"
        + " ones, those a session's spending policy names, and those added by hand.", "A listed token's symbol can be given to"
        + " balance, transfer and approve --token."},
        subcommands = {TokensCommand.ListTokens.class, TokensCommand.Add.class, TokensCommand.Remove.class, CommandLine.HelpCommand.class})
final class TokensCommand extends CommandGroup {

    @ParentCommand
    CavosCommand root;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tokens listed on the session's network.")
    static final class ListTokens implements Callable<CommandResult> {
        @ParentCommand
        TokensCommand tokens;

        @Override
        public CommandResult call() {
            WalletService wallet = tokens.root.wallet();
            return new TokensResult(wallet.network().name(), wallet.tokens().stream().map(TokensResult.Entry::of).toList());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Adds a token by its address: its symbol and decimals are"
            + " read from its contract.", "An address that does not answer as an ERC-20 is refused."})
    static final class Add implements Callable<CommandResult> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(index = "0", paramLabel = "ADDRESS", description = "The token's address, in hex (0x…) or decimal.")
        String address;

        @Override
        public CommandResult call() {
            WalletService wallet = tokens.root.wallet();
            WalletToken added = wallet.addToken(address);
            return new TokenChangeResult("added", wallet.network().name(), TokensResult.Entry.of(added));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a token added by hand (by symbol or address).")
    static final class Remove implements Callable<CommandResult> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(index = "0", paramLabel = "SYMBOL|ADDRESS")
        String token;

        @Override
        public CommandResult call() {
            WalletService wallet = tokens.root.wallet();
            WalletToken removed = wallet.removeToken(token);
            return new TokenChangeResult("removed", wallet.network().name(), TokensResult.Entry.of(removed));
        }
    }
}
