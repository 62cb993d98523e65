package xyz.cavos.wallet.cli;

import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;

/** A wallet error's next step in the command line's words: the command to run. */
final class NextStepText {

    private NextStepText() {
    }

    /** The error's advice followed by the command that helps, as one line. */
    static String hint(WalletError e) {
        return e.adviceThen(command(e.next()));
    }

    static String command(NextStep step) {
        return switch (step) {
            case NextStep.None none -> "";
            case NextStep.RenewSession renew -> "Renew it with: cavos renew (possible until " + Render.time(java.time.Instant.ofEpochSecond(renew.deadline())) + ").";
            case NextStep.RenewAgain again -> "To renew it again anyway: cavos renew --force";
            case NextStep.ImportSession importing -> "Import it with: cavos session import (paste the token when asked, or pipe it in)";
            case NextStep.SeePolicy policy -> "Check usage with: cavos policy show";
            case NextStep.SeeSession session -> "Check the session with: cavos session status";
            case NextStep.CheckTransaction tx -> "Check it with: cavos tx status " + tx.hash().toHex();
            case NextStep.ReviewCalls review -> "Check the calls, or estimate them without sending: cavos simulate …";
            case NextStep.CheckConnection connection -> "Check your connection, and the endpoints with: cavos network check";
            case NextStep.SetRpcEndpoint endpoint -> endpoint.network()
                    .map(n -> "See which endpoints answer: cavos network check. Use others for " + n + ": cavos config set " + n
                            + ".rpc-urls URL…, --rpc-url URL (repeatable) or CAVOS_RPC_URLS; or pick the matching --network.")
                    .orElse("Give http(s) URLs: --rpc-url URL (repeatable), CAVOS_RPC_URLS, or cavos config set <network>.rpc-urls URL…");
            case NextStep.ChooseNetwork choose -> "Name it with --network mainnet|sepolia|sandbox or --rpc-url <url> "
                    + "(or CAVOS_NETWORK / CAVOS_RPC_URLS, or cavos config set network <name>).";
            case NextStep.StartSandbox sandbox -> "To start the local sandbox: cavos sandbox start";
            case NextStep.TopUp topUp -> "Top up the wallet " + topUp.wallet().toHex() + ".";
            case NextStep.TryAgain again -> "Run the command again.";
            case NextStep.SetPaymasterKey key -> "Set it with: cavos config set paymaster-api-key (it reads the key from standard"
                    + " input), or in CAVOS_PAYMASTER_API_KEY.";
            case NextStep.UnlockKeychain keychain -> "Unlock your keychain, or run with the token in CAVOS_TOKEN, "
                    + "or opt in to an encrypted file with --store encrypted-file.";
            case NextStep.Report report -> "Details are in " + report.log() + ". Please report it.";
            case NextStep.FixArgument fix -> fix.example();
        };
    }
}
