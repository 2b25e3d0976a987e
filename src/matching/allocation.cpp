#include "matching/allocation.hpp"

#include <algorithm>
#include <limits>

namespace matching {
namespace {

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
class AuctionSolver {
public:
    static constexpr std::int32_t unassigned = -1;
    static constexpr std::int32_t at_null = -2;

    /// `release` says whether the pair list may be freed once it has been copied.
    AuctionSolver(AllocationInstance& instance, AuctionOptions options, bool release)
        : m_options(options), m_citizen_count(instance.citizen_count),
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
        for (std::size_t i = 0; i < citizens; ++i) m_citizen_begin[i + 1] = m_citizen_begin[i] + out_degree[i];
        const auto edges = static_cast<std::size_t>(m_citizen_begin[citizens]);
        m_edge_opening.resize(edges);
        m_edge_value.resize(edges);
        {
            std::vector<std::int64_t> next(m_citizen_begin.begin(), m_citizen_begin.end() - 1);
            for (const Pair& p : instance.pairs) {
                if (p.score <= 0 || instance.capacity[static_cast<std::size_t>(p.opening)] <= 0) continue;
                const auto e = static_cast<std::size_t>(next[static_cast<std::size_t>(p.citizen)]++);
                m_edge_opening[e] = p.opening;
                m_edge_value[e] = p.score * m_scale;
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
            m_slot_begin[j + 1] = m_slot_begin[j] + static_cast<std::int32_t>(std::max<std::int64_t>(usable, 0));
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
        m_slot_of.assign(citizens, at_null);
        m_profit.assign(citizens, 0);
        m_assigned_value.assign(citizens, 0);
    }

    void solve() {
        std::int64_t factor = std::max<std::int64_t>(2, m_options.scaling_factor);
        std::int64_t epsilon = std::max<std::int64_t>(1, m_max_value / factor);
        while (true) {
            ++m_stats.phases;
            run_phase(epsilon, epsilon == 1 || m_options.reverse_every_phase, m_stats.phases > 1 && m_options.keep_assignment);
            if (epsilon == 1) break;
            epsilon = std::max<std::int64_t>(1, epsilon / factor);
        }
    }

    void run_phase(std::int64_t epsilon, bool reverse, bool keep) {
        const auto citizens = static_cast<std::size_t>(m_citizen_count);
        m_queue.clear();
        if (keep) {
            // Citizens whose assignment still satisfies epsilon-CS keep it.
            for (std::size_t i = 0; i < citizens; ++i) {
                if (m_citizen_begin[i] == m_citizen_begin[i + 1]) continue;
                if (m_profit[i] >= best_value(i) - epsilon) continue;
                const std::int32_t slot = m_slot_of[i];
                if (slot >= 0) m_slot_owner[static_cast<std::size_t>(slot)] = unassigned;
                m_slot_of[i] = unassigned;
                m_queue.push_back(static_cast<std::int32_t>(i));
            }
        } else {
            std::fill(m_slot_owner.begin(), m_slot_owner.end(), unassigned);
            for (std::size_t i = 0; i < citizens; ++i) {
                if (m_citizen_begin[i] == m_citizen_begin[i + 1]) {
                    m_slot_of[i] = at_null;
                    m_profit[i] = 0;
                } else {
                    m_slot_of[i] = unassigned;
                    m_queue.push_back(static_cast<std::int32_t>(i));
                }
            }
        }
        // Forward auction: every citizen ends with a slot or at its "unplaced" object.
        for (std::size_t head = 0; head < m_queue.size(); ++head) {
            if (head > (1u << 20) && head * 2 > m_queue.size()) {
                m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(head));
                head = 0;
            }
            forward_bid(m_queue[head], epsilon);
        }
        if (!reverse) {
            // Intermediate phase: prices are only a warm start for the next phase, whose
            // citizens all start unassigned, so empty slots may simply drop to price 0.
            for (std::int32_t j = 0; j < m_opening_count; ++j) {
                for (auto s = m_slot_begin[static_cast<std::size_t>(j)]; s < m_slot_begin[static_cast<std::size_t>(j) + 1]; ++s) {
                    if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned && m_slot_price[static_cast<std::size_t>(s)] > 0) {
                        set_price_lower(j, s, 0);
                    }
                }
            }
            return;
        }
        // Reverse auction: empty slots must end with price 0 (complementary slackness).
        m_open_queue.clear();
        for (std::int32_t j = 0; j < m_opening_count; ++j) {
            if (has_priced_empty_slot(j)) m_open_queue.push_back(j);
        }
        for (std::size_t head = 0; head < m_open_queue.size(); ++head) {
            const std::int32_t j = m_open_queue[head];
            while (has_priced_empty_slot(j)) reverse_bid(j, epsilon);
        }
    }

    /// The best value a citizen can get: max(0, value - cheapest slot price) over its pairs.
    [[nodiscard]] std::int64_t best_value(std::size_t i) const {
        std::int64_t best = 0;
        for (std::int64_t e = m_citizen_begin[i]; e < m_citizen_begin[i + 1]; ++e) {
            best = std::max(best, m_edge_value[static_cast<std::size_t>(e)] -
                                      m_min_price[static_cast<std::size_t>(m_edge_opening[static_cast<std::size_t>(e)])]);
        }
        return best;
    }

    void forward_bid(std::int32_t citizen, std::int64_t epsilon) {
        const auto i = static_cast<std::size_t>(citizen);
        std::int64_t best = 0;  // the private "unplaced" object
        std::int64_t second = std::numeric_limits<std::int64_t>::min();
        std::int64_t best_edge = -1;
        const std::int64_t end = m_citizen_begin[i + 1];
        const std::int32_t* opening = m_edge_opening.data();
        const std::int64_t* value = m_edge_value.data();
        const std::int64_t* min_price = m_min_price.data();
        for (std::int64_t e = m_citizen_begin[i]; e < end; ++e) {
            const std::int64_t v = value[e] - min_price[opening[e]];
            if (v > best) {
                second = best;
                best = v;
                best_edge = e;
            } else if (v > second) {
                second = v;
            }
        }
        ++m_stats.forward_bids;
        if (best_edge < 0) {
            m_slot_of[i] = at_null;
            m_profit[i] = 0;
            return;
        }
        const auto j = static_cast<std::size_t>(opening[best_edge]);
        const std::int64_t a = value[best_edge];
        const std::int32_t root = m_slot_begin[j];
        const std::int32_t size = m_slot_begin[j + 1] - root;
        // The second cheapest slot of the same opening is an alternative too.
        if (size >= 2) {
            std::int64_t next_price = m_slot_price[static_cast<std::size_t>(root) + 1];
            if (size >= 3) next_price = std::min(next_price, m_slot_price[static_cast<std::size_t>(root) + 2]);
            second = std::max(second, a - next_price);
        }
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

    [[nodiscard]] bool has_priced_empty_slot(std::int32_t opening) const {
        const auto j = static_cast<std::size_t>(opening);
        for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
            if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned && m_slot_price[static_cast<std::size_t>(s)] > 0) {
                return true;
            }
        }
        return false;
    }

    void reverse_bid(std::int32_t opening, std::int64_t epsilon) {
        const auto j = static_cast<std::size_t>(opening);
        ++m_stats.reverse_bids;
        std::int64_t best = std::numeric_limits<std::int64_t>::min();
        std::int64_t second = std::numeric_limits<std::int64_t>::min();
        std::int64_t best_edge = -1;
        const std::int64_t end = m_opening_begin[j + 1];
        for (std::int64_t r = m_opening_begin[j]; r < end; ++r) {
            const std::int64_t beta =
                m_reverse_value[static_cast<std::size_t>(r)] -
                m_profit[static_cast<std::size_t>(m_reverse_citizen[static_cast<std::size_t>(r)])];
            if (beta > best) {
                second = best;
                best = beta;
                best_edge = r;
            } else if (beta > second) {
                second = beta;
            }
        }
        if (best <= epsilon) {
            // Nobody gains more than epsilon here: empty slots drop to price 0.
            for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
                if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned && m_slot_price[static_cast<std::size_t>(s)] > 0) {
                    set_price_lower(opening, s, 0);
                }
            }
            return;
        }
        std::int32_t slot = -1;
        for (auto s = m_slot_begin[j]; s < m_slot_begin[j + 1]; ++s) {
            if (m_slot_owner[static_cast<std::size_t>(s)] == unassigned && m_slot_price[static_cast<std::size_t>(s)] > 0) {
                slot = s;
                break;
            }
        }
        const std::int32_t citizen = m_reverse_citizen[static_cast<std::size_t>(best_edge)];
        const auto i = static_cast<std::size_t>(citizen);
        const std::int64_t a = m_reverse_value[static_cast<std::size_t>(best_edge)];
        const std::int64_t price = std::max<std::int64_t>(0, second == std::numeric_limits<std::int64_t>::min() ? 0 : second - epsilon);
        const std::int32_t old_slot = m_slot_of[i];
        if (old_slot >= 0) {
            m_slot_owner[static_cast<std::size_t>(old_slot)] = unassigned;
            const std::int32_t old_opening = m_slot_opening[static_cast<std::size_t>(old_slot)];
            if (m_slot_price[static_cast<std::size_t>(old_slot)] > 0 && old_opening != opening) {
                m_open_queue.push_back(old_opening);
            }
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
            if (left + 1 < size &&
                m_slot_price[static_cast<std::size_t>(base + left + 1)] < m_slot_price[static_cast<std::size_t>(base + left)]) {
                child = left + 1;
            }
            if (m_slot_price[static_cast<std::size_t>(base + child)] >= m_slot_price[static_cast<std::size_t>(base + k)]) break;
            swap_slots(base + k, base + child);
            k = child;
        }
        m_min_price[j] = m_slot_price[static_cast<std::size_t>(base)];
    }

    void set_price_lower(std::int32_t opening, std::int32_t slot, std::int64_t price) {
        const auto j = static_cast<std::size_t>(opening);
        const std::int32_t base = m_slot_begin[j];
        m_slot_price[static_cast<std::size_t>(slot)] = price;
        std::int32_t k = slot - base;
        while (k > 0) {
            const std::int32_t parent = (k - 1) / 2;
            if (m_slot_price[static_cast<std::size_t>(base + parent)] <= m_slot_price[static_cast<std::size_t>(base + k)]) break;
            swap_slots(base + k, base + parent);
            k = parent;
        }
        m_min_price[j] = m_slot_price[static_cast<std::size_t>(base)];
    }

    AuctionOptions m_options;
    std::int32_t m_citizen_count = 0;
    std::int32_t m_opening_count = 0;
    std::int64_t m_scale = 1;
    std::int64_t m_max_value = 0;
    AuctionStats m_stats;

    std::vector<std::int64_t> m_citizen_begin;  // citizen -> first edge
    std::vector<std::int32_t> m_edge_opening;
    std::vector<std::int64_t> m_edge_value;     // scaled score
    std::vector<std::int64_t> m_opening_begin;  // opening -> first reverse edge
    std::vector<std::int32_t> m_reverse_citizen;
    std::vector<std::int64_t> m_reverse_value;

    std::vector<std::int32_t> m_slot_begin;  // opening -> first slot (heap root)
    std::vector<std::int64_t> m_slot_price;
    std::vector<std::int32_t> m_slot_owner;  // citizen or `unassigned`
    std::vector<std::int32_t> m_slot_opening;
    std::vector<std::int64_t> m_min_price;   // price at each opening's heap root

    std::vector<std::int32_t> m_slot_of;  // citizen -> slot, `unassigned` or `at_null`
    std::vector<std::int64_t> m_profit;   // value minus price of what the citizen holds
    std::vector<std::int64_t> m_assigned_value;

    std::vector<std::int32_t> m_queue;
    std::vector<std::int32_t> m_open_queue;
};

}  // namespace

namespace {

core::Result<void> validate(const AllocationInstance& instance) {
    if (instance.citizen_count < 0) return core::Error::validation("citizen_count", "Antallet af borgere er negativt.");
    const auto openings = instance.capacity.size();
    if (openings > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        return core::Error::validation("capacity", "For mange tilbud.");
    }
    for (std::size_t j = 0; j < openings; ++j) {
        if (instance.capacity[j] < 0) {
            return core::Error::validation("capacity", "Tilbud " + std::to_string(j) + " har negativ kapacitet.");
        }
    }
    const std::int64_t limit = allocation_max_scaled_score / (static_cast<std::int64_t>(instance.citizen_count) + 1);
    for (std::size_t k = 0; k < instance.pairs.size(); ++k) {
        const Pair& p = instance.pairs[k];
        if (p.citizen < 0 || p.citizen >= instance.citizen_count || p.opening < 0 ||
            static_cast<std::size_t>(p.opening) >= openings) {
            return core::Error::validation("pairs", "Par " + std::to_string(k) + " henviser til en ukendt borger eller et ukendt tilbud.");
        }
        if (p.score > limit || p.score < -limit) {
            return core::Error::validation("pairs", "Par " + std::to_string(k) + " har en for stor score til en eksakt løsning.");
        }
    }
    return {};
}

}  // namespace

core::Result<Allocation> allocate(const AllocationInstance& instance, const AuctionOptions& options,
                                  AuctionStats* stats) {
    BB_TRY(validate(instance));
    AuctionSolver solver(const_cast<AllocationInstance&>(instance), options, false);
    return solver.run(stats);
}

core::Result<Allocation> allocate(AllocationInstance&& instance, const AuctionOptions& options,
                                  AuctionStats* stats) {
    BB_TRY(validate(instance));
    AuctionSolver solver(instance, options, true);
    return solver.run(stats);
}

}  // namespace matching
