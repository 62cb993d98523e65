package xyz.cavos.wallet.sandbox;

/** A contract call that failed, as a Cairo panic: the reason is the string the contract raised. */
class ContractPanic extends RuntimeException {

    ContractPanic(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }

    /** The selector does not exist on the target contract. */
    static final class EntryPointNotFound extends ContractPanic {
        EntryPointNotFound(String reason) {
            super(reason);
        }
    }

    /** Nothing is deployed at the target address. */
    static final class ContractNotFound extends ContractPanic {
        ContractNotFound(String reason) {
            super(reason);
        }
    }
}
