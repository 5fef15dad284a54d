package network.ohc.care.core.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import network.ohc.care.core.api.ProblemException;

/** Validated page and size query parameters shared by every list endpoint. */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 200;
    /** Rows skipped at most: far beyond any real list, and page × size stays an int. */
    public static final int MAX_OFFSET = 10_000_000;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > MAX_OFFSET) {
            throw ProblemException.badRequest("page", "page × size must be at most " + MAX_OFFSET);
        }
        return new Paging(p, s);
    }

    public <T> PageResult<T> apply(PanacheQuery<T> query) {
        PanacheQuery<T> paged = query.page(Page.of(page, size));
        return new PageResult<>(paged.list(), page, size, query.count());
    }
}
