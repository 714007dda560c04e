package dev.dbtok.cli.emulator;

import dev.dbtok.emulator.Credential;
import java.util.List;

/** What {@code dbtok emulator -o json} prints: the host and every account with its token. */
record EmulatorInfo(String host, List<AccountInfo> accounts) {

    /** One account; {@code kind} is {@code user} or {@code service principal}. */
    record AccountInfo(String userName, String displayName, String kind, boolean admin, String token) {
        static AccountInfo of(Credential credential) {
            return new AccountInfo(credential.account().userName(), credential.account().displayName(),
                    credential.account().kind().label(), credential.account().admin(), credential.token());
        }

        @Override
        public String toString() {
            return "AccountInfo[" + userName + ", token=***]";
        }
    }
}
