/// Counts token keys in an open-addressing table. Keys are already FNV hashes, so the table indexes by their
/// low bits instead of hashing them again as a `Dictionary<UInt64, …>` would.
struct TokenCounter {
    struct Entry {
        var key: UInt64
        var count: Int
        /// Token position and UTF-8 range of the first occurrence.
        var first: Int
        var start: Int
        var end: Int
    }

    private var slots: [Int32]  // index into `entries` + 1; 0 = empty
    private var mask: Int
    /// Distinct keys in order of first occurrence.
    private(set) var entries: [Entry] = []

    /// A table for up to `capacity` distinct keys without growing.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(capacity)
    }

    /// Adds one occurrence of `key`; the first occurrence's position and range are kept.
    mutating func add(_ key: UInt64, position: Int, start: Int, end: Int) {
        if entries.count * 2 >= slots.count { grow() }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
        while true {
            let index = Int(slots[slot])
            if index == 0 {
                entries.append(Entry(key: key, count: 1, first: position, start: start, end: end))
                slots[slot] = Int32(entries.count)
                return
            }
            if entries[index - 1].key == key {
                entries[index - 1].count += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.key ^ (entry.key >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}

/// A fixed set of token keys with a membership test that needs no rehashing (keys are FNV hashes).
struct KeySet: Sendable {
    private let slots: [UInt64]
    private let occupied: [Bool]
    private let mask: Int

    init(_ keys: [UInt64]) {
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        var occupied = [Bool](repeating: false, count: size)
        for key in keys {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & (size - 1)
            while occupied[slot] && slots[slot] != key { slot = (slot + 1) & (size - 1) }
            slots[slot] = key
            occupied[slot] = true
        }
        self.slots = slots
        self.occupied = occupied
        mask = size - 1
    }

    /// True when `key` is in the set.
    func contains(_ key: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
        while occupied[slot] {
            if slots[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }
}
