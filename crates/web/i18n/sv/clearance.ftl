# clearance
