# pool
