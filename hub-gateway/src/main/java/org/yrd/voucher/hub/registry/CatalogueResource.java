package org.yrd.voucher.hub.registry;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.yrd.voucher.hub.common.QueryParams;

/** The public YRD catalogue of recognised providers (P8 优质服务机构资源库, P13 disclosure), no login. */
@Path("/api/v1/public/providers")
public class CatalogueResource {
    private final Catalogue catalogue;

    CatalogueResource(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PermitAll
    @GET
    public List<Catalogue.Entry> search(@QueryParam("category") String category,
                                        @QueryParam("province") String province, @QueryParam("name") String name) {
        return catalogue.search(QueryParams.category("category", category, catalogue.knownCategories()),
                QueryParams.province("province", province), name);
    }
}
