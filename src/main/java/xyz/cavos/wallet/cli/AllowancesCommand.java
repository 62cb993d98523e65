package xyz.cavos.wallet.cli;

import java.util.concurrent.Callable;
import xyz.cavos.wallet.cli.CommandResult.AllowancesResult;
import xyz.cavos.wallet.wallet.WalletService;

/** {@code cavos allowances}: what spenders approved from this computer may still take from the wallet. */
final class AllowancesCommand extends CliCommand implements Callable<CommandResult> {

    private final CavosCommand root;

    AllowancesCommand(CavosCommand root) {
        super("allowances", "The allowances approved from this computer for the wallet, each with what the spender may still take,"
                + " as the token reads it now.", "Revoke one with: cavos approve --spender ADDRESS --amount 0 --token TOKEN");
        this.root = root;
    }

    @Override
    public CommandResult call() {
        WalletService wallet = root.wallet();
        return new AllowancesResult(wallet.token().walletAddress(), wallet.network().name(), wallet.allowances().stream()
                .map(a -> new AllowancesResult.Entry(a.token().symbol(), a.token().address(), a.spender(), a.spenderName(),
                        a.amount().toAmountString(a.token().decimals()), a.amount(), a.isOpen(), a.approvedAt()))
                .toList());
    }
}
