/// Counts token keys in an open-addressing table. Keys are already FNV hashes, so the table indexes by their
/// low bits instead of hashing them again as a `Dictionary<UInt64, …>` would.
enum TokenCounter {
    /// One distinct key: its count and the position of its first occurrence (`count == 0`: an empty slot).
    private struct Slot {
        var key: UInt64
        var count: UInt32
        var first: UInt32
    }

    /// Positions (in `tokens`) of the first occurrence of each key seen at least twice among the tokens at least
    /// `minimumLength` bytes long whose key is not in `skipped`: most frequent first, then by first occurrence.
    static func frequent(_ tokens: UnsafeBufferPointer<SkillToken>, minimumLength: Int, skipping skipped: KeySet) -> [Int] {
        // More slots than tokens: the table never fills.
        var size = 16
        while size <= tokens.count { size <<= 1 }
        let mask = size - 1
        return withUnsafeTemporaryAllocation(of: Slot.self, capacity: size) { table in
            table.initialize(repeating: Slot(key: 0, count: 0, first: 0))
            var repeated = 0  // an upper bound of the ranked keys
            for position in 0..<tokens.count {
                let token = tokens[position]
                // Skipped keys are counted too and dropped when ranking: a key's count and first position do not
                // depend on the others, and only the repeated keys (far fewer than tokens) need the set lookup.
                guard token.end - token.start >= minimumLength else { continue }
                let key = token.key
                var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
                while true {
                    let count = table[slot].count
                    if count == 0 {
                        table[slot] = Slot(key: key, count: 1, first: UInt32(truncatingIfNeeded: position))
                        break
                    }
                    if table[slot].key == key {
                        if count == 1 { repeated += 1 }
                        table[slot].count = count + 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
            // Sorted as plain integers: count (inverted) and first position packed into one.
            var ranked: [UInt64] = []
            ranked.reserveCapacity(repeated)
            for slot in table where slot.count >= 2 && !skipped.contains(slot.key) {
                ranked.append((UInt64(UInt32.max) - UInt64(slot.count)) << 32 | UInt64(slot.first))
            }
            ranked.sort()
            return ranked.map { Int($0 & 0xFFFF_FFFF) }
        }
    }
}

/// A fixed set of token keys with a membership test that needs no rehashing (keys are FNV hashes).
struct KeySet: Sendable {
    /// Open addressing; 0 marks an empty slot (the key 0 itself is `hasZero`).
    private let slots: [UInt64]
    private let hasZero: Bool
    private let mask: Int

    init(_ keys: [UInt64]) {
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        for key in keys where key != 0 {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & (size - 1)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (size - 1) }
            slots[slot] = key
        }
        self.slots = slots
        hasZero = keys.contains(0)
        mask = size - 1
    }

    /// True when `key` is in the set.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
            while true {
                let stored = slots[slot]
                if stored == key { return true }
                if stored == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }
}
