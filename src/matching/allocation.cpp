#include "matching/allocation.hpp"

#include <algorithm>
#include <limits>

namespace matching {
namespace {

/// The best few edges of one bidder at its last full scan, and an upper bound on the value
/// of every other edge at that time. Valid while `stamp` matches the current auction.
template <int cached_candidates, class Score>
struct Candidates {
    std::int32_t target[cached_candidates] = {};  ///< opening (forward) or citizen (reverse)
    Score score[cached_candidates] = {};
    std::int64_t bound = std::numeric_limits<std::int64_t>::min();
    std::int64_t stamp = -1;
    int count = 0;
};

/// Keeps the cached_candidates + 1 largest values seen, in descending order.
template <int cached_candidates>
class TopList {
public:
    void offer(std::int64_t value, std::int64_t edge) {
        if (m_count == size && value <= m_value[size - 1]) return;
        int k = m_count < size ? m_count++ : size - 1;
        while (k > 0 && m_value[k - 1] < value) {
            m_value[k] = m_value[k - 1];
            m_edge[k] = m_edge[k - 1];
            --k;
        }
        m_value[k] = value;
        m_edge[k] = edge;
    }
    template <class Score>
    void store(Candidates<cached_candidates, Score>& cache, const std::int32_t* target, const Score* score,
               std::int64_t stamp) const {
        cache.count = std::min(m_count, cached_candidates);
        for (int k = 0; k < cache.count; ++k) {
            cache.target[k] = target[m_edge[k]];
            cache.score[k] = score[m_edge[k]];
        }
        cache.bound = m_count == size ? m_value[size - 1] : std::numeric_limits<std::int64_t>::min();
        cache.stamp = stamp;
    }

private:
    static constexpr int size = cached_candidates + 1;
    std::int64_t m_value[size] = {};
    std::int64_t m_edge[size] = {};
    int m_count = 0;
};

/// Auction algorithm with epsilon scaling for the asymmetric transportation problem
/// (Bertsekas: forward auction by citizens, reverse auction by openings with an empty
/// slot that still carries a price). Openings are expanded into `capacity` identical
/// slots, each with its own price, kept as a binary min-heap per opening so that a bid
/// always takes the cheapest slot. Every citizen also owns a private "unplaced" object of
/// value 0 and price 0 that nobody else can take.
///
/// Values are scaled by K = (citizens with a pair) + 1 and the last phase runs with
/// epsilon = 1; epsilon-complementary slackness then bounds the gap to the optimum by
/// citizens * epsilon < K, i.e. less than one unit of the original scores: exact.
template <class Score>
class AuctionSolver {
public:
    static constexpr std::int32_t unassigned = -1;
    static constexpr std::int32_t at_null = -2;

    /// `release` says whether the pair list may be freed once it has been copied.
    AuctionSolver(AllocationInstance& instance, AuctionOptions options, bool release)
        : m_options(options),
          m_citizen_count(instance.citizen_count),
          m_opening_count(static_cast<std::int32_t>(instance.capacity.size())) {
        build(instance, release);
    }

    Allocation run(AuctionStats* stats) {
        Allocation result;
        result.opening_of.assign(static_cast<std::size_t>(m_citizen_count), Allocation::unplaced);
        if (m_max_value > 0) solve();
        __int128 total = 0;
        for (std::int32_t i = 0; i < m_citizen_count; ++i) {
            const std::int32_t slot = m_slot_of[static_cast<std::size_t>(i)];
            if (slot < 0) continue;
            result.opening_of[static_cast<std::size_t>(i)] = m_slot_opening[static_cast<std::size_t>(slot)];
            total += m_assigned_value[static_cast<std::size_t>(i)] / m_scale;
            ++result.placed;
        }
        result.total_fit = static_cast<std::int64_t>(total);
        if (stats != nullptr) *stats = m_stats;
        return result;
    }

private:
    void build(AllocationInstance& instance, bool release) {
        const auto citizens = static_cast<std::size_t>(m_citizen_count);
        const auto openings = static_cast<std::size_t>(m_opening_count);
        // Only pairs that can improve on "unplaced" and whose opening has room matter.
        std::vector<std::int64_t> in_degree(openings, 0);
        std::vector<std::int32_t> out_degree(citizens + 1, 0);
        std::int64_t max_score = 0;
        for (const Pair& p : instance.pairs) {
            if (p.score <= 0 || instance.capacity[static_cast<std::size_t>(p.opening)] <= 0) continue;
            ++in_degree[static_cast<std::size_t>(p.opening)];
            ++out_degree[static_cast<std::size_t>(p.citizen)];
            max_score = std::max(max_score, p.score);
        }
        std::int64_t active = 0;
        for (std::size_t i = 0; i < citizens; ++i) active += out_degree[i] > 0;
        m_scale = active + 1;
        m_max_value = max_score * m_scale;

        // Citizen-major arrays (forward bids).
        m_citizen_begin.assign(citizens + 1, 0);
        for (std::size_t i = 0; i < citizens; ++i)
            m_citizen_begin[i + 1] = m_citizen_begin[i] + out_degree[i];
        const auto edges = static_cast<std::size_t>(m_citizen_begin[citizens]);
        m_edge_opening.resize(edges);
        m_edge_value.resize(edges);
        {
            std::vector<std::int64_t> next(m_citizen_begin.begin(), m_citizen_begin.end() - 1);
            for (const Pair& p : instance.pairs) {
                if (p.score <= 0 || instance.capacity[static_cast<std::size_t>(p.opening)] <= 0) continue;
                const auto e = static_cast<std::size_t>(next[static_cast<std::size_t>(p.citizen)]++);
                m_edge_opening[e] = p.opening;
                m_edge_value[e] = static_cast<Score>(p.score);
            }
        }
        if (release) std::vector<Pair>().swap(instance.pairs);
        // Opening-major arrays (reverse bids).
        m_opening_begin.assign(openings + 1, 0);
        for (std::size_t j = 0; j < openings; ++j) m_opening_begin[j + 1] = m_opening_begin[j] + in_degree[j];
        m_reverse_citizen.resize(edges);
        m_reverse_value.resize(edges);
        {
            std::vector<std::int64_t> next(m_opening_begin.begin(), m_opening_begin.end() - 1);
            for (std::size_t i = 0; i < citizens; ++i) {
                for (auto e = m_citizen_begin[i]; e < m_citizen_begin[i + 1]; ++e) {
                    const auto j = static_cast<std::size_t>(m_edge_opening[static_cast<std::size_t>(e)]);
                    const auto r = static_cast<std::size_t>(next[j]++);
                    m_reverse_citizen[r] = static_cast<std::int32_t>(i);
                    m_reverse_value[r] = m_edge_value[static_cast<std::size_t>(e)];
                }
            }
        }
        // Slots: no opening can use more slots than it has neighbours (or citizens).
        m_slot_begin.assign(openings + 1, 0);
        for (std::size_t j = 0; j < openings; ++j) {
            const std::int64_t usable = std::min(instance.capacity[j], in_degree[j]);
            m_slot_begin[j + 1] =
                m_slot_begin[j] + static_cast<std::int32_t>(std::max<std::int64_t>(usable, 0));
        }
        const auto slots = static_cast<std::size_t>(m_slot_begin[openings]);
        m_slot_price.assign(slots, 0);
        m_slot_owner.assign(slots, unassigned);
        m_slot_opening.resize(slots);
        for (std::size_t j = 0; j < openings; ++j) {
            for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
                m_slot_opening[static_cast<std::size_t>(s)] = static_cast<std::int32_t>(j);
            }
        }
        m_min_price.assign(openings, 0);
        m_second_price.assign(openings, 0);
        for (std::size_t j = 0; j < openings; ++j) update_heads(j);
        m_slot_of.assign(citizens, at_null);
        m_null_price.assign(citizens, 0);
        m_forward_cache.assign(citizens, Candidates<forward_cached, Score>{});
        m_reverse_cache.assign(openings, Candidates<reverse_cached, Score>{});
        m_profit.assign(citizens, 0);
        m_assigned_value.assign(citizens, 0);
    }

    void solve() {
        const std::int64_t factor = std::max<std::int64_t>(2, m_options.scaling_factor);
        std::int64_t epsilon = std::max<std::int64_t>(1, m_max_value / factor);
        while (true) {
            ++m_stats.phases;
            run_phase(epsilon);
            if (epsilon == 1) break;
            epsilon = std::max<std::int64_t>(1, epsilon / factor);
        }
    }

    /// The best value on offer to citizen i: its "unplaced" object or its best opening.
    [[nodiscard]] std::int64_t best_value(std::size_t i) const {
        std::int64_t best = -m_null_price[i];
        for (std::int64_t e = m_citizen_begin[i]; e < m_citizen_begin[i + 1]; ++e) {
            best = std::max(
                best, scaled(m_edge_value[static_cast<std::size_t>(e)]) -
                          m_min_price[static_cast<std::size_t>(m_edge_opening[static_cast<std::size_t>(e)])]);
        }
        return best;
    }

    [[nodiscard]] std::int64_t scaled(Score score) const {
        return static_cast<std::int64_t>(score) * m_scale;
    }

    [[nodiscard]] bool active(std::size_t i) const { return m_citizen_begin[i] != m_citizen_begin[i + 1]; }

    void run_phase(std::int64_t epsilon) {
        const auto citizens = static_cast<std::size_t>(m_citizen_count);
        m_queue.clear();
        if (m_stats.phases == 1) {
            for (std::size_t i = 0; i < citizens; ++i) {
                if (!active(i)) continue;
                m_slot_of[i] = unassigned;
                m_queue.push_back(static_cast<std::int32_t>(i));
            }
        } else {
            // Citizens whose assignment is still epsilon-optimal at the new epsilon keep it;
            // the others release what they hold and bid again.
            for (std::size_t i = 0; i < citizens; ++i) {
                if (!active(i) || m_profit[i] >= best_value(i) - epsilon) continue;
                const std::int32_t slot = m_slot_of[i];
                if (slot >= 0) m_slot_owner[static_cast<std::size_t>(slot)] = unassigned;
                m_slot_of[i] = unassigned;
                m_queue.push_back(static_cast<std::int32_t>(i));
            }
        }
        // Forward auction: every citizen ends with a slot or at its "unplaced" object.
        ++m_stamp;
        for (std::size_t head = 0; head < m_queue.size(); ++head) {
            if (head > (1u << 20) && head * 2 > m_queue.size()) {
                m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(head));
                head = 0;
            }
            forward_bid(m_queue[head], epsilon);
        }
        // lambda: the lowest price of any held object. Free objects priced above it get
        // reverse bids until every free object is priced at most lambda.
        std::int64_t lambda = std::numeric_limits<std::int64_t>::max();
        for (std::size_t s = 0; s < m_slot_owner.size(); ++s) {
            if (m_slot_owner[s] >= 0) lambda = std::min(lambda, m_slot_price[s]);
        }
        for (std::size_t i = 0; i < citizens; ++i) {
            if (active(i) && m_slot_of[i] == at_null) lambda = std::min(lambda, m_null_price[i]);
        }
        if (lambda == std::numeric_limits<std::int64_t>::max()) lambda = 0;
        m_lambda = lambda;
        ++m_stamp;
        m_open_queue.clear();
        for (std::int32_t j = 0; j < m_opening_count; ++j) {
            if (has_priced_empty_slot(j)) m_open_queue.push_back(j);
        }
        for (std::size_t i = 0; i < citizens; ++i) {
            if (active(i) && m_slot_of[i] != at_null && m_null_price[i] > lambda) {
                m_open_queue.push_back(-1 - static_cast<std::int32_t>(i));
            }
        }
        for (std::size_t head = 0; head < m_open_queue.size(); ++head) {
            const std::int32_t item = m_open_queue[head];
            if (item < 0) {
                reverse_null_bid(static_cast<std::size_t>(-1 - item), epsilon);
            } else {
                while (has_priced_empty_slot(item)) reverse_bid(item, epsilon);
            }
        }
    }

    void forward_bid(std::int32_t citizen, std::int64_t epsilon) {
        const auto i = static_cast<std::size_t>(citizen);
        std::int64_t best = -m_null_price[i];  // the private "unplaced" object, worth 0
        std::int64_t second = std::numeric_limits<std::int64_t>::min();
        std::int32_t best_opening = -1;
        std::int64_t best_value = 0;
        const std::int32_t* opening = m_edge_opening.data();
        const Score* value = m_edge_value.data();
        const std::int64_t* min_price = m_min_price.data();
        auto& cache = m_forward_cache[i];
        bool cached = false;
        if (cache.stamp == m_stamp) {
            // Values only fall during a forward auction, so the cached leaders plus the bound
            // on everything else decide the bid whenever the runner-up beats the bound.
            for (int k = 0; k < cache.count; ++k) {
                const std::int64_t a = scaled(cache.score[k]);
                const std::int64_t v = a - min_price[cache.target[k]];
                if (v > best) {
                    second = best;
                    best = v;
                    best_opening = cache.target[k];
                    best_value = a;
                } else if (v > second) {
                    second = v;
                }
            }
            // Uncached edges are worth at most `bound`, so it can stand in for the runner-up
            // (a smaller but still valid price step) as long as the leader beats it.
            cached = best >= cache.bound;
            if (cached) {
                second = std::max(second, cache.bound);
            } else {
                best = -m_null_price[i];
                second = std::numeric_limits<std::int64_t>::min();
                best_opening = -1;
            }
        }
        if (!cached) {
            TopList<forward_cached> top;
            const std::int64_t end = m_citizen_begin[i + 1];
            for (std::int64_t e = m_citizen_begin[i]; e < end; ++e) {
                const std::int64_t a = scaled(value[e]);
                const std::int64_t v = a - min_price[opening[e]];
                top.offer(v, e);
                if (v > best) {
                    second = best;
                    best = v;
                    best_opening = opening[e];
                    best_value = a;
                } else if (v > second) {
                    second = v;
                }
            }
            top.store(cache, opening, value, m_stamp);
        }
        ++m_stats.forward_bids;
        if (best_opening < 0) {
            m_null_price[i] += best - second + epsilon;
            m_slot_of[i] = at_null;
            m_profit[i] = second - epsilon;
            return;
        }
        const auto j = static_cast<std::size_t>(best_opening);
        const std::int64_t a = best_value;
        const std::int32_t root = m_slot_begin[j];
        // The second cheapest slot of the same opening is an alternative too.
        second = std::max(second, a - m_second_price[j]);
        const std::int64_t price = a - second + epsilon;
        const std::int32_t displaced = m_slot_owner[static_cast<std::size_t>(root)];
        if (displaced >= 0) {
            m_slot_of[static_cast<std::size_t>(displaced)] = unassigned;
            m_queue.push_back(displaced);
        }
        m_slot_owner[static_cast<std::size_t>(root)] = citizen;
        m_slot_price[static_cast<std::size_t>(root)] = price;
        m_slot_of[i] = root;
        m_profit[i] = second - epsilon;
        m_assigned_value[i] = a;
        sift_down(static_cast<std::int32_t>(j), root);
    }

    bool has_priced_empty_slot(std::int32_t opening) const {
        const auto j = static_cast<std::size_t>(opening);
        for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
            if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned &&
                m_slot_price[static_cast<std::size_t>(s)] > m_lambda) {
                return true;
            }
        }
        return false;
    }

    /// Frees the slot a citizen leaves; queues its opening if the slot is priced above lambda.
    void leave_slot(std::size_t i, std::int32_t for_opening) {
        const std::int32_t old_slot = m_slot_of[i];
        if (old_slot < 0) return;
        m_slot_owner[static_cast<std::size_t>(old_slot)] = unassigned;
        const std::int32_t old_opening = m_slot_opening[static_cast<std::size_t>(old_slot)];
        if (m_slot_price[static_cast<std::size_t>(old_slot)] > m_lambda && old_opening != for_opening) {
            m_open_queue.push_back(old_opening);
        }
    }

    /// Reverse bid of a citizen's free "unplaced" object priced above lambda.
    void reverse_null_bid(std::size_t i, std::int64_t epsilon) {
        if (m_slot_of[i] == at_null || m_null_price[i] <= m_lambda) return;
        ++m_stats.reverse_bids;
        const std::int64_t beta = -m_profit[i];
        m_null_price[i] = m_lambda;
        if (beta <= m_lambda + epsilon) return;
        leave_slot(i, -1);
        m_slot_of[i] = at_null;
        m_profit[i] = -m_lambda;
    }

    void reverse_bid(std::int32_t opening, std::int64_t epsilon) {
        const auto j = static_cast<std::size_t>(opening);
        ++m_stats.reverse_bids;
        std::int64_t best = std::numeric_limits<std::int64_t>::min();
        std::int64_t second = std::numeric_limits<std::int64_t>::min();
        const std::int32_t* citizen_of = m_reverse_citizen.data();
        const Score* value = m_reverse_value.data();
        const std::int64_t* profit = m_profit.data();
        auto& cache = m_reverse_cache[j];
        std::int32_t best_citizen = -1;
        std::int64_t best_value = 0;
        bool cached = false;
        if (cache.stamp == m_stamp) {
            // Profits only rise during a reverse auction: same argument as in forward_bid.
            for (int k = 0; k < cache.count; ++k) {
                const std::int64_t a = scaled(cache.score[k]);
                const std::int64_t beta = a - profit[cache.target[k]];
                if (beta > best) {
                    second = best;
                    best = beta;
                    best_citizen = cache.target[k];
                    best_value = a;
                } else if (beta > second) {
                    second = beta;
                }
            }
            cached = best_citizen >= 0 && best >= cache.bound;
            if (cached) {
                second = std::max(second, cache.bound);
            } else {
                best = second = std::numeric_limits<std::int64_t>::min();
                best_citizen = -1;
            }
        }
        if (!cached) {
            TopList<reverse_cached> top;
            const std::int64_t end = m_opening_begin[j + 1];
            for (std::int64_t r = m_opening_begin[j]; r < end; ++r) {
                const std::int64_t a = scaled(value[r]);
                const std::int64_t beta = a - profit[citizen_of[r]];
                top.offer(beta, r);
                if (beta > best) {
                    second = best;
                    best = beta;
                    best_citizen = citizen_of[r];
                    best_value = a;
                } else if (beta > second) {
                    second = beta;
                }
            }
            top.store(cache, citizen_of, value, m_stamp);
        }
        if (best <= m_lambda + epsilon) {
            // Nobody gains more than epsilon here: empty slots drop to lambda.
            for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
                if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned &&
                    m_slot_price[static_cast<std::size_t>(s)] > m_lambda) {
                    set_price_lower(opening, s, m_lambda);
                }
            }
            return;
        }
        std::int32_t slot = -1;
        for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
            if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned &&
                m_slot_price[static_cast<std::size_t>(s)] > m_lambda) {
                slot = s;
                break;
            }
        }
        const std::int32_t citizen = best_citizen;
        const auto i = static_cast<std::size_t>(citizen);
        const std::int64_t a = best_value;
        const std::int64_t price = second == std::numeric_limits<std::int64_t>::min()
                                       ? m_lambda
                                       : std::max(m_lambda, second - epsilon);
        if (m_slot_of[i] == at_null) {
            // Its "unplaced" object becomes free; queue it if priced above lambda.
            if (m_null_price[i] > m_lambda) m_open_queue.push_back(-1 - citizen);
        } else {
            leave_slot(i, opening);
        }
        m_slot_owner[static_cast<std::size_t>(slot)] = citizen;
        m_slot_of[i] = slot;
        m_profit[i] = a - price;
        m_assigned_value[i] = a;
        set_price_lower(opening, slot, price);
    }

    void place(std::int32_t slot, std::int32_t owner) {
        m_slot_owner[static_cast<std::size_t>(slot)] = owner;
        if (owner >= 0) m_slot_of[static_cast<std::size_t>(owner)] = slot;
    }

    void swap_slots(std::int32_t a, std::int32_t b) {
        std::swap(m_slot_price[static_cast<std::size_t>(a)], m_slot_price[static_cast<std::size_t>(b)]);
        const std::int32_t owner_a = m_slot_owner[static_cast<std::size_t>(a)];
        place(a, m_slot_owner[static_cast<std::size_t>(b)]);
        place(b, owner_a);
    }

    void sift_down(std::int32_t opening, std::int32_t slot) {
        const auto j = static_cast<std::size_t>(opening);
        const std::int32_t base = m_slot_begin[j];
        const std::int32_t size = m_slot_begin[j + 1] - base;
        std::int32_t k = slot - base;
        while (true) {
            const std::int32_t left = 2 * k + 1;
            if (left >= size) break;
            std::int32_t child = left;
            if (left + 1 < size && m_slot_price[static_cast<std::size_t>(base + left + 1)] <
                                       m_slot_price[static_cast<std::size_t>(base + left)]) {
                child = left + 1;
            }
            if (m_slot_price[static_cast<std::size_t>(base + child)] >=
                m_slot_price[static_cast<std::size_t>(base + k)])
                break;
            swap_slots(base + k, base + child);
            k = child;
        }
        update_heads(j);
    }

    /// Refreshes the cached cheapest and second cheapest slot prices of opening j.
    void update_heads(std::size_t j) {
        const std::int32_t base = m_slot_begin[j];
        const std::int32_t size = m_slot_begin[j + 1] - base;
        constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max() / 4;  // no such slot
        m_min_price[j] = size >= 1 ? m_slot_price[static_cast<std::size_t>(base)] : none;
        std::int64_t next = none;
        if (size >= 2) next = m_slot_price[static_cast<std::size_t>(base) + 1];
        if (size >= 3) next = std::min(next, m_slot_price[static_cast<std::size_t>(base) + 2]);
        m_second_price[j] = next;
    }

    void set_price_lower(std::int32_t opening, std::int32_t slot, std::int64_t price) {
        const auto j = static_cast<std::size_t>(opening);
        const std::int32_t base = m_slot_begin[j];
        m_slot_price[static_cast<std::size_t>(slot)] = price;
        std::int32_t k = slot - base;
        while (k > 0) {
            const std::int32_t parent = (k - 1) / 2;
            if (m_slot_price[static_cast<std::size_t>(base + parent)] <=
                m_slot_price[static_cast<std::size_t>(base + k)])
                break;
            swap_slots(base + k, base + parent);
            k = parent;
        }
        update_heads(j);
    }

    AuctionOptions m_options;
    std::int32_t m_citizen_count = 0;
    std::int32_t m_opening_count = 0;
    std::int64_t m_scale = 1;
    std::int64_t m_max_value = 0;
    AuctionStats m_stats;

    std::vector<std::int64_t> m_citizen_begin;  // citizen -> first edge
    std::vector<std::int32_t> m_edge_opening;
    std::vector<Score> m_edge_value;            // unscaled score
    std::vector<std::int64_t> m_opening_begin;  // opening -> first reverse edge
    std::vector<std::int32_t> m_reverse_citizen;
    std::vector<Score> m_reverse_value;

    std::vector<std::int32_t> m_slot_begin;  // opening -> first slot (heap root)
    std::vector<std::int64_t> m_slot_price;
    std::vector<std::int32_t> m_slot_owner;  // citizen or `unassigned`
    std::vector<std::int32_t> m_slot_opening;
    std::vector<std::int64_t> m_min_price;     // price at each opening's heap root
    std::vector<std::int64_t> m_second_price;  // second lowest slot price (huge if one slot)

    std::vector<std::int32_t> m_slot_of;  // citizen -> slot, `unassigned` or `at_null`
    std::vector<std::int64_t> m_profit;   // value minus price of what the citizen holds
    std::vector<std::int64_t> m_assigned_value;
    std::vector<std::int64_t> m_null_price;  // price of each citizen's private "unplaced" object
    std::int64_t m_lambda = 0;
    std::int64_t m_stamp = 0;                 // advances with every forward or reverse auction
    static constexpr int forward_cached = 4;  // measured: 4 forward, 12 reverse
    static constexpr int reverse_cached = 12;
    std::vector<Candidates<forward_cached, Score>> m_forward_cache;  // per citizen
    std::vector<Candidates<reverse_cached, Score>> m_reverse_cache;  // per opening

    std::vector<std::int32_t> m_queue;
    std::vector<std::int32_t> m_open_queue;
};

}  // namespace

namespace {

core::Result<void> validate(const AllocationInstance& instance) {
    if (instance.citizen_count < 0)
        return core::Error::validation("citizen_count", "Antallet af borgere er negativt.");
    const auto openings = instance.capacity.size();
    if (openings > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        return core::Error::validation("capacity", "For mange tilbud.");
    }
    for (std::size_t j = 0; j < openings; ++j) {
        if (instance.capacity[j] < 0) {
            return core::Error::validation("capacity",
                                           "Tilbud " + std::to_string(j) + " har negativ kapacitet.");
        }
    }
    const std::int64_t limit =
        allocation_max_scaled_score / (static_cast<std::int64_t>(instance.citizen_count) + 1);
    for (std::size_t k = 0; k < instance.pairs.size(); ++k) {
        const Pair& p = instance.pairs[k];
        if (p.citizen < 0 || p.citizen >= instance.citizen_count || p.opening < 0 ||
            static_cast<std::size_t>(p.opening) >= openings) {
            return core::Error::validation(
                "pairs",
                "Par " + std::to_string(k) + " henviser til en ukendt borger eller et ukendt tilbud.");
        }
        if (p.score > limit || p.score < -limit) {
            return core::Error::validation(
                "pairs", "Par " + std::to_string(k) + " har en for stor score til en eksakt løsning.");
        }
    }
    return {};
}

/// Scores are stored unscaled, in 32 bits when they fit (less memory traffic).
Allocation solve(AllocationInstance& instance, const AuctionOptions& options, bool release,
                 AuctionStats* stats) {
    std::int64_t max_score = 0;
    for (const Pair& p : instance.pairs) max_score = std::max(max_score, p.score);
    if (max_score <= std::numeric_limits<std::int32_t>::max()) {
        AuctionSolver<std::int32_t> solver(instance, options, release);
        return solver.run(stats);
    }
    AuctionSolver<std::int64_t> solver(instance, options, release);
    return solver.run(stats);
}

}  // namespace

core::Result<Allocation> allocate(const AllocationInstance& instance, const AuctionOptions& options,
                                  AuctionStats* stats) {
    BB_TRY(validate(instance));
    return solve(const_cast<AllocationInstance&>(instance), options, false, stats);
}

core::Result<Allocation> allocate(AllocationInstance&& instance, const AuctionOptions& options,
                                  AuctionStats* stats) {
    BB_TRY(validate(instance));
    return solve(instance, options, true, stats);
}

}  // namespace matching
