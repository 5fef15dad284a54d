package network.ohc.care.core.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, where it starts and how many match in all. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
