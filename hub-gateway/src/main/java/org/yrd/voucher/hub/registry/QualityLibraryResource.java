package org.yrd.voucher.hub.registry;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.yrd.voucher.policy.ProviderStandard;

/** P8 the library of high-quality providers: its published criteria and its members, no login. */
@Path("/api/v1/public/quality-library")
public class QualityLibraryResource {
    private final QualityLibrary library;

    QualityLibraryResource(QualityLibrary library) {
        this.library = library;
    }

    public record Library(ProviderStandard.QualityCriteria criteria, List<QualityLibrary.Member> members) {}

    @PermitAll
    @GET
    public Library library() {
        return new Library(library.criteria(), library.members());
    }
}
